// Tests for link_state.h: the link grammar, round trips, and hostile or stale links.
#include "link_state.h"

#include <doctest/doctest.h>

using namespace lectern;

TEST_CASE("a full link round-trips") {
  LinkState l;
  l.article = "chile-and-peru-sign-10-year-water-accord";
  l.entity = "ana-ruiz";
  l.quote = "q3";
  l.has_position = true;
  l.paragraph = 4;
  l.permille = 250;
  l.search = "nuclear energy & “drones”";
  l.view = "map";
  const std::string hash = FormatLink(l);
  CHECK(hash.find("p=4.250") != std::string::npos);
  CHECK(hash.find("s=nuclear%20energy%20%26%20%E2%80%9Cdrones%E2%80%9D") != std::string::npos);
  LinkParse r = ParseLink(hash);
  CHECK(r.problems.empty());
  CHECK(r.link.article == l.article);
  CHECK(r.link.entity == l.entity);
  CHECK(r.link.quote == l.quote);
  CHECK(r.link.has_position);
  CHECK(r.link.paragraph == 4);
  CHECK(r.link.permille == 250);
  CHECK(r.link.search == l.search);
  CHECK(r.link.view == "map");
  CHECK(FormatLink(r.link) == hash);
}

TEST_CASE("positions: headline, short fractions, no fraction / bad ones are dropped") {
  CHECK(ParseLink("p=-1").link.paragraph == -1);
  CHECK(ParseLink("p=3.5").link.permille == 500);
  CHECK(ParseLink("p=3.05").link.permille == 50);
  CHECK(ParseLink("p=7").link.permille == 0);
  for (const char* bad : {"p=", "p=x", "p=-2", "p=3.", "p=3.1234", "p=3.-1", "p=1e9", "p=3.5x", "p=99999999999"}) {
    CAPTURE(bad);
    LinkParse r = ParseLink(bad);
    CHECK_FALSE(r.link.has_position);
    CHECK(r.problems.size() == 1);
  }
}

TEST_CASE("map view: centre and zoom round-trip / out of range or malformed ones are dropped") {
  LinkState l;
  l.article = "a";
  l.view = "map";
  l.has_map_view = true;
  l.map_lat = 48.8566;
  l.map_lon = -2.3522;
  l.map_zoom = 6;
  const std::string hash = FormatLink(l);
  CHECK(hash == "a=a&v=map&m=48.86,-2.35,6.00");
  LinkParse r = ParseLink(hash);
  CHECK(r.problems.empty());
  REQUIRE(r.link.has_map_view);
  CHECK(r.link.map_lat == doctest::Approx(48.86));
  CHECK(r.link.map_lon == doctest::Approx(-2.35));
  CHECK(r.link.map_zoom == doctest::Approx(6));
  CHECK(FormatLink(r.link) == hash);
  CHECK(ParseLink("m=-90,180,64").link.has_map_view);
  CHECK(ParseLink("m=0,0,0.5").link.has_map_view);
  CHECK_FALSE(FormatLink(LinkState{}).find("m=") != std::string::npos);  // no view, no field
  for (const char* bad : {"m=", "m=1,2", "m=1,2,3,4", "m=91,0,1", "m=0,-181,1", "m=0,0,0.4", "m=0,0,65",
                          "m=nan,0,1", "m=inf,0,1", "m=1e1,0,1", "m=0x1,0,1", "m=1.,0,1", "m=.5,0,1",
                          "m=1,,2", "m=+1,0,1", "m=1%2C0%2C1x", "m=<b>,0,1", "m=1 ,0,1"}) {
    CAPTURE(bad);
    LinkParse bad_link = ParseLink(bad);
    CHECK_FALSE(bad_link.link.has_map_view);
    CHECK(bad_link.problems.size() == 1);
  }
}

TEST_CASE("hostile links: script, markup, control characters, bad ids, unknown keys") {
  LinkParse r = ParseLink("a=<script>alert(1)</script>&e=%3Cimg%20src=x%20onerror=alert(1)%3E&q=q1");
  CHECK(r.link.article.empty());
  CHECK(r.link.entity.empty());
  CHECK(r.link.quote == "q1");
  CHECK(r.problems.size() == 2);

  r = ParseLink("s=%1B%5B31mred%00%E2%80%AEevil&zz=1&javascript:alert(1)");
  CHECK(r.link.search == "[31mredevil");  // ESC, NUL and the bidi override are removed
  CHECK(r.problems.size() == 2);

  r = ParseLink("a=UPPER&e=--x&q=a--b&v=<b>");
  CHECK(r.link.article.empty());
  CHECK(r.link.entity.empty());
  CHECK(r.link.quote.empty());
  CHECK(r.link.view.empty());
  CHECK(r.problems.size() == 4);

  r = ParseLink("s=%C3%28%ZZ%");  // invalid UTF-8 and malformed escapes
  CHECK(r.link.search == "\xEF\xBF\xBD(%ZZ%");
}

TEST_CASE("empty, truncated and oversized links") {
  CHECK(ParseLink("").problems.empty());
  CHECK(ParseLink("#").problems.empty());
  CHECK(ParseLink("&&&").problems.empty());
  LinkParse cut = ParseLink("a=some-article&e=vladimir-pu");  // a truncated id is still a slug
  CHECK(cut.link.entity == "vladimir-pu");
  LinkParse half = ParseLink("a=some-article&e");
  CHECK(half.link.article == "some-article");
  CHECK(half.problems.size() == 1);

  std::string big = "a=ok&s=" + std::string(300, 'x');
  LinkParse r = ParseLink(big);
  CHECK(r.link.article == "ok");
  CHECK(r.link.search.empty());
  CHECK(r.problems.size() == 1);

  std::string huge = "a=ok";
  while (huge.size() < 10000) huge += "&zz=1";
  r = ParseLink(huge);
  CHECK(r.link.article == "ok");
  CHECK(r.problems.front().find("too long") != std::string::npos);
  CHECK(r.problems.size() < 500);
}

TEST_CASE("slugs and percent-encoding") {
  CHECK(IsSlug("q12"));
  CHECK(IsSlug("sao-paulo"));
  CHECK_FALSE(IsSlug(""));
  CHECK_FALSE(IsSlug("-a"));
  CHECK_FALSE(IsSlug("a-"));
  CHECK_FALSE(IsSlug("São"));
  CHECK(PercentEncode("a b&c=d#e%f+g") == "a%20b%26c%3Dd%23e%25f%2Bg");
  CHECK(PercentDecode("a%20b+c%2") == "a b c%2");
}

TEST_CASE("t= link: the article's text comes last and round-trips with the rest of the view") {
  LinkState l;
  l.article = "my-article";
  l.entity = "ana-ruiz";
  l.view = "map";
  l.text_payload = "AXWQwW7b-_09";
  const std::string hash = FormatLink(l);
  CHECK(hash == "a=my-article&e=ana-ruiz&v=map&t=AXWQwW7b-_09");
  LinkParse r = ParseLink("#" + hash);
  CHECK(r.problems.empty());
  CHECK(r.link.text_payload == l.text_payload);
  CHECK(r.link.entity == "ana-ruiz");
  CHECK(FormatLink(r.link) == hash);
  // Anywhere in the fragment it is read; it is written last.
  r = ParseLink("t=AXWQ&a=my-article");
  CHECK(r.problems.empty());
  CHECK(r.link.text_payload == "AXWQ");
  CHECK(FormatLink(r.link) == "a=my-article&t=AXWQ");
  CHECK(FormatLink(LinkState{}).empty());  // no payload, no field
  LinkState only;
  only.text_payload = "AXWQ";
  CHECK(FormatLink(only) == "t=AXWQ");
}

TEST_CASE("t= link: exempt from the value and fragment limits, with a limit of its own") {
  const std::string payload = "AX" + std::string(kMaxArticlePayloadChars - 2, 'w');
  LinkParse r = ParseLink("a=my-article&t=" + payload + "&q=q2&p=3.5");
  CHECK(r.problems.empty());
  CHECK(r.link.text_payload == payload);
  CHECK(r.link.article == "my-article");
  CHECK(r.link.quote == "q2");
  CHECK(r.link.permille == 500);
  // One character over its limit: dropped with its own message, the rest still read.
  r = ParseLink("a=my-article&t=" + payload + "w&q=q2");
  CHECK(r.link.text_payload.empty());
  CHECK(r.link.quote == "q2");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].find("The article in this link is too long") == 0);
  // The rest of the link keeps its 2048-byte cut.
  std::string rest = "a=ok";
  while (rest.size() < 3000) rest += "&zz=1";
  r = ParseLink("t=AXWQ&" + rest);
  CHECK(r.link.text_payload == "AXWQ");
  CHECK(r.link.article == "ok");
  CHECK(r.problems.front().find("only its beginning was read") != std::string::npos);
  CHECK(r.problems.size() < 500);
}

TEST_CASE("t= link: empty, damaged, doubled or escaped payloads are dropped with a reason") {
  for (const char* bad : {"t=", "t=AX%20WQ", "t=AX+WQ", "t=AX/WQ==", "t=<script>", "t=AX WQ", "t=%41%58"}) {
    CAPTURE(bad);
    LinkParse r = ParseLink(std::string("a=ok&") + bad);
    CHECK(r.link.text_payload.empty());
    CHECK(r.link.article == "ok");
    CHECK(r.problems.size() == 1);
  }
  LinkParse r = ParseLink("t=AXWQ&t=AQID");
  CHECK(r.link.text_payload == "AXWQ");
  CHECK(r.problems.size() == 1);
  r = ParseLink("%74=AXWQ");  // "t", percent-encoded: not how a link is made
  CHECK(r.link.text_payload.empty());
  CHECK(r.problems.size() == 1);
  CHECK(r.problems[0].find("article") != std::string::npos);
  // A payload the parser would drop is not written either: a link the app makes always reads back.
  LinkState l;
  l.article = "ok";
  l.text_payload = "not&base64";
  CHECK(FormatLink(l) == "a=ok");
  l.text_payload = std::string(kMaxArticlePayloadChars + 1, 'A');
  CHECK(FormatLink(l) == "a=ok");
}
