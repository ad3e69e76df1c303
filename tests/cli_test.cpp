// Tests for the `lectern` CLI (src/cli): exit codes and messages on every error path, the JSON
// and the Markdown of a real article, files read through the importer (HTML, Markdown,
// Windows-1252, an image, an empty file), and the benchmark command. Runs the built binary, found next to this test
// runner (build/<dir>/src/cli/lectern) or through $LECTERN_CLI.
#include "analysis_binary.h"
#include "analysis_json.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

std::string CliPath() {
  if (const char* env = std::getenv("LECTERN_CLI")) return env;
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "lectern";
  std::string self(buf, size_t(n));
  std::string dir = self.substr(0, self.rfind('/'));       // build/<dir>/tests
  return dir.substr(0, dir.rfind('/')) + "/src/cli/lectern";  // build/<dir>/src/cli/lectern
}

struct Result {
  int code = -1;
  std::string out, err;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Result Cli(const std::string& args) {
  const std::string tmp = "/tmp/lectern_cli_test_" + std::to_string(getpid());
  const std::string cmd = "'" + CliPath() + "' " + args + " >" + tmp + ".out 2>" + tmp + ".err";
  Result r;
  int status = std::system(cmd.c_str());
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(tmp + ".out");
  r.err = Slurp(tmp + ".err");
  std::remove((tmp + ".out").c_str());
  std::remove((tmp + ".err").c_str());
  return r;
}

std::string WriteTemp(const std::string& name, const std::string& bytes) {
  const std::string path = "/tmp/lectern_cli_" + std::to_string(getpid()) + "_" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

}  // namespace

TEST_CASE("the CLI binary exists") {
  REQUIRE_MESSAGE(access(CliPath().c_str(), X_OK) == 0, "build the lectern target: " << CliPath());
}

TEST_CASE("usage errors exit 2 with a message") {
  Result r = Cli("");
  CHECK(r.code == 2);
  CHECK(r.err.find("usage: lectern analyze FILE [--json]") != std::string::npos);
  CHECK(Cli("frobnicate").code == 2);
  CHECK(Cli("analyze").code == 2);
  CHECK(Cli("analyze a b").code == 2);
  Result o = Cli("analyze x.txt --yaml");
  CHECK(o.code == 2);
  CHECK(o.err.find("--yaml") != std::string::npos);
  CHECK(Cli("--help").code == 0);
}

TEST_CASE("unreadable input exits 1 with a clear message, never a crash") {
  Result missing = Cli("analyze /nonexistent/article.txt --json");
  CHECK(missing.code == 1);
  CHECK(missing.err.find("/nonexistent/article.txt") != std::string::npos);
  CHECK(missing.out.empty());
  Result dir = Cli("analyze /tmp");
  CHECK(dir.code == 1);
  CHECK(dir.err.find("directory") != std::string::npos);
  const std::string empty = WriteTemp("empty.txt", "  \n\n ");
  Result e = Cli("analyze " + empty);
  CHECK(e.code == 1);
  CHECK(e.err.find("empty") != std::string::npos);
  const std::string bin = WriteTemp("bin.txt", std::string("PK\x03\x04\0\0\x01\x02", 8) + std::string(200, '\0'));
  Result b = Cli("analyze " + bin + " --json");
  CHECK(b.code == 1);
  CHECK(b.err.find("binary") != std::string::npos);
  const std::string bad = WriteTemp("bad.txt", "Title\n\nValid text then \xC3\x28 bad.");
  Result u = Cli("analyze " + bad + " --json");
  CHECK(u.code == 1);
  CHECK(u.err.find("UTF-8") != std::string::npos);
  CHECK(u.err.find("offset 23") != std::string::npos);
  for (const std::string& p : {empty, bin, bad}) std::remove(p.c_str());
}

TEST_CASE("a real article: JSON on stdout, summary without --json") {
  const std::string seed = std::string(LECTERN_SOURCE_DIR) + "/seeds/000_d1a45250eb781355.txt";
  Result j = Cli("analyze '" + seed + "' --json");
  REQUIRE(j.code == 0);
  CHECK(j.err.empty());
  CHECK(j.out.rfind("{\"title\":", 0) == 0);
  CHECK(j.out.find("\"entities\":[{\"id\":\"e1\"") != std::string::npos);
  Result t = Cli("analyze '" + seed + "'");
  REQUIRE(t.code == 0);
  CHECK(t.out.find("ENTITIES") != std::string::npos);
  CHECK(t.out.find("QUOTES") != std::string::npos);
  CHECK(t.out.find("RELATIONS") != std::string::npos);
}

TEST_CASE("analyze --markdown prints the Markdown report") {
  const std::string seed = std::string(LECTERN_SOURCE_DIR) + "/seeds/000_d1a45250eb781355.txt";
  Result m = Cli("analyze '" + seed + "' --markdown");
  REQUIRE(m.code == 0);
  CHECK(m.err.empty());
  CHECK(m.out.rfind("# Iran and Russia", 0) == 0);
  for (const char* section : {"\n## People\n", "\n## Places\n", "\n## Organisations\n", "\n## Quotes\n"})
    CHECK_MESSAGE(m.out.find(section) != std::string::npos, section);
  CHECK(m.out.find("\n> ") != std::string::npos);
  CHECK(m.out.find("bytes ") != std::string::npos);
  Result both = Cli("analyze '" + seed + "' --json --markdown");
  CHECK(both.code == 2);
  CHECK(Cli("").err.find("lectern analyze FILE --markdown") != std::string::npos);
}

TEST_CASE("analyze reads HTML, Markdown and Windows-1252 files through the importer") {
  const std::string html = WriteTemp("page.html",
      "<!doctype html><html><head><title>Kenya and Uganda Sign Deal</title></head><body>"
      "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article>"
      "<p>Kenya and Uganda signed an agreement on Monday, officials said, after months of talks.</p>"
      "<p>&ldquo;It is historic,&rdquo; said Amina Wekesa, Kenya&rsquo;s trade minister, in Nairobi.</p>"
      "</article></body></html>");
  Result h = Cli("analyze " + html + " --json");
  REQUIRE(h.code == 0);
  CHECK(h.out.rfind("{\"title\":\"Kenya and Uganda Sign Deal\"", 0) == 0);
  CHECK(h.out.find("Home") == std::string::npos);
  CHECK(h.err.find("lectern: note: ") != std::string::npos);
  CHECK(h.err.find("HTML") != std::string::npos);
  const std::string md = WriteTemp("story.md", "# Kenya and *Uganda* Sign Deal\n\nKenya and Uganda signed an "
                                               "[agreement](https://example.org) on Monday.\n");
  Result m = Cli("analyze " + md + " --json");
  REQUIRE(m.code == 0);
  CHECK(m.out.rfind("{\"title\":\"Kenya and Uganda Sign Deal\"", 0) == 0);
  CHECK(m.out.find("example.org") == std::string::npos);
  CHECK(m.err.find("lectern: note: read as Markdown") != std::string::npos);
  const std::string latin = WriteTemp("latin.txt", "Caf\xE9 Owners Protest\n\nThe caf\xE9 owners of M\xFCnchen met.\n");
  Result l = Cli("analyze " + latin + " --json");
  REQUIRE(l.code == 0);
  CHECK(l.out.find("Caf\xC3\xA9 Owners Protest") != std::string::npos);
  CHECK(l.err.find("lectern: note: read as Windows-1252") != std::string::npos);
  for (const std::string& p : {html, md, latin}) std::remove(p.c_str());
}

TEST_CASE("analyze refuses an image and an empty file with exit 1 and a reason") {
  const std::string png = WriteTemp("photo.png", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10", 20));
  Result p = Cli("analyze " + png);
  CHECK(p.code == 1);
  CHECK(p.out.empty());
  CHECK(p.err.find(png) != std::string::npos);
  CHECK(p.err.find("PNG image") != std::string::npos);
  CHECK(p.err.find("not an article") != std::string::npos);
  const std::string empty = WriteTemp("zero.txt", "");
  Result e = Cli("analyze " + empty + " --markdown");
  CHECK(e.code == 1);
  CHECK(e.out.empty());
  CHECK(e.err.find("empty") != std::string::npos);
  for (const std::string& f : {png, empty}) std::remove(f.c_str());
}

TEST_CASE("analyze: offsets in the JSON index the file as read, CRLF and BOM included") {
  const std::string crlf = WriteTemp("crlf.txt", "\xEF\xBB\xBFKenya and Uganda Sign Deal\r\n\r\nKenya and Uganda "
                                                 "signed an agreement.\r\n\r\nAmina Wekesa met Yoweri Museveni in Kampala.\r\n");
  const std::string bytes = Slurp(crlf);
  Result j = Cli("analyze " + crlf + " --json");
  REQUIRE(j.code == 0);
  CHECK(j.err.empty());
  size_t checked = 0;
  for (size_t at = j.out.find("{\"start\":"); at != std::string::npos; at = j.out.find("{\"start\":", at + 1)) {
    unsigned start = 0, end = 0;
    char text[256] = {0};
    if (std::sscanf(j.out.c_str() + at, "{\"start\":%u,\"end\":%u,\"text\":\"%255[^\"]\"", &start, &end, text) != 3) continue;
    CHECK(bytes.substr(start, end - start) == text);
    ++checked;
  }
  CHECK(checked > 0);
  std::remove(crlf.c_str());
}

TEST_CASE("prepare analyses each article of a folder as the app would, and its JSON is analyze's") {
  const std::string dir = "/tmp/lectern_cli_prepare_" + std::to_string(getpid());
  const std::string seeds = dir + "/seeds", out = dir + "/prepared";
  std::system(("rm -rf '" + dir + "' && mkdir -p '" + seeds + "'").c_str());
  const std::string article = Slurp(std::string(LECTERN_SOURCE_DIR) + "/tests/devset/02_energy_qatar_poland_lng.txt");
  REQUIRE(!article.empty());
  std::ofstream(seeds + "/a.txt", std::ios::binary) << article;
  std::ofstream(seeds + "/picture.png", std::ios::binary) << std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  std::ofstream(seeds + "/.hidden", std::ios::binary) << article;
  Result r = Cli("prepare '" + seeds + "' '" + out + "'");
  CHECK(r.code == 0);
  CHECK(r.err.find("picture.png skipped") != std::string::npos);
  CHECK(Slurp(out + "/picture.png.analysis").empty());
  CHECK(Slurp(out + "/.hidden.analysis").empty());
  lectern::LoadResult doc = lectern::LoadDocument(article, "a.txt");
  lectern::Analysis a;
  std::string why;
  REQUIRE_MESSAGE(lectern::DecodeAnalysis(Slurp(out + "/a.txt.analysis"), doc.doc, &a, &why), why);
  CHECK(lectern::AnalysisToJson(doc.doc, a) == Cli("analyze '" + seeds + "/a.txt' --json").out);
  CHECK(Cli("prepare '" + seeds + "'").code == 2);
  CHECK(Cli("prepare /nonexistent/seeds '" + out + "'").code == 1);
  std::system(("rm -rf '" + dir + "'").c_str());
}

TEST_CASE("bench reports throughput and peak memory") {
  const std::string seed = std::string(LECTERN_SOURCE_DIR) + "/seeds/000_d1a45250eb781355.txt";
  Result r = Cli("bench '" + seed + "' --mb 0.05 --seconds 0.05");
  REQUIRE(r.code == 0);
  CHECK(r.out.find("MB/s") != std::string::npos);
  CHECK(r.out.find("peak memory") != std::string::npos);
  CHECK(Cli("bench --mb -1").code == 2);
  CHECK(Cli("bench /nonexistent.txt").code == 1);
}
