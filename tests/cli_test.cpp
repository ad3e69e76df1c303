// Tests for the `lectern` CLI (src/cli): exit codes and messages on every error path, the JSON
// of a real article, and the benchmark command. Runs the built binary, found next to this test
// runner (build/<dir>/src/cli/lectern) or through $LECTERN_CLI.
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

TEST_CASE("bench reports throughput and peak memory") {
  const std::string seed = std::string(LECTERN_SOURCE_DIR) + "/seeds/000_d1a45250eb781355.txt";
  Result r = Cli("bench '" + seed + "' --mb 0.05 --seconds 0.05");
  REQUIRE(r.code == 0);
  CHECK(r.out.find("MB/s") != std::string::npos);
  CHECK(r.out.find("peak memory") != std::string::npos);
  CHECK(Cli("bench --mb -1").code == 2);
  CHECK(Cli("bench /nonexistent.txt").code == 1);
}
