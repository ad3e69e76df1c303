#!/usr/bin/env python3
"""Writes the real-text devset's articles (tests/realtext/NAME.txt) from the pages of
scrapinghub/article-extraction-benchmark (MIT; each article's text belongs to its publisher).

    python3 tools/realtext_articles.py BENCHMARK_GIT_DIR tests/realtext

Each article is the benchmark's hand-extracted `articleBody`, headed by the page's og:title (or
<title>, with a trailing " | Site" cut), in the devset's text format: the headline, a blank line,
then paragraphs separated by blank lines. The list below names the pages by the first 8 hex digits
of their file name; the gold answers beside them were written by hand from these texts alone.
"""
import gzip, html, json, re, subprocess, sys

ARTICLES = [  # (hash prefix, name, publisher, genre)
    ("57d46c9d", "reuters_markets_oil_oversupply", "Reuters", "wire, markets"),
    ("82b6d780", "ap_unpredictable_impeachment", "Associated Press", "wire, politics"),
    ("e7994d55", "ap_uk_tories_manifesto", "Associated Press", "wire, politics"),
    ("db6b0816", "chron_esper_vietnam_coast_guard", "Houston Chronicle (AP)", "wire, defence"),
    ("5caf91b8", "sfgate_the_latest_stabbing", "SFGate (AP)", "wire, crime"),
    ("70cb2d5b", "bbc_taylor_swift_ama_row", "BBC", "entertainment"),
    ("c7e39ac4", "bbc_sweden_assange", "BBC", "world"),
    ("d605bdef", "cnn_asian_markets", "CNN", "markets"),
    ("ef4e67b6", "cnn_trump_walter_reed", "CNN", "politics"),
    ("7916ecca", "aljazeera_afghanistan_helicopter", "Al Jazeera", "world, military"),
    ("42aad16b", "aljazeera_nasa_moon_landers", "Al Jazeera", "business, space"),
    ("702d1da6", "nyt_trump_trade_war_china", "The New York Times", "business, feature"),
    ("5a822960", "nbcnews_hitler_house_police", "NBC News", "world"),
    ("7a457a4f", "nbcnews_threat_ilhan_omar_plea", "NBC News", "courts"),
    ("a1fca19b", "nypost_taliban_prisoners_qatar", "New York Post", "world"),
    ("dc7ccccc", "albawaba_sweden_assange", "Al Bawaba", "world, courts"),
    ("4a44ab3e", "rt_bolivia_morales_supporters", "RT", "world"),
    ("39d5c43b", "deccanherald_beijing_tariff_demands", "Deccan Herald (Reuters)", "business, trade"),
    ("624fcd90", "express_hong_kong_protesters", "Daily Express", "world"),
    ("374ac9a5", "cnbc_emirates_boeing_787", "CNBC", "business"),
    ("360c732d", "cityam_alibaba_hong_kong_listing", "City A.M.", "business"),
    ("51374560", "foxbusiness_home_depot_earnings", "Fox Business", "business"),
    ("bc13ff87", "therealdeal_wework_layoffs", "The Real Deal", "business"),
    ("d0382c0d", "timesunion_pge_power_shutoff", "Times Union (AP)", "business, utilities"),
    ("6ebac05f", "thehill_threat_guilty_plea", "The Hill", "courts"),
    ("2c46804d", "cbsnews_fort_worth_rescue", "CBS News", "crime"),
    ("961bd85c", "therepublic_drug_arrests", "The Republic", "crime, local"),
    ("0d461229", "sportsnet_davis_cup_spain_russia", "Sportsnet", "sport"),
    ("264dc3ae", "twincities_parise_wild_sabres", "Pioneer Press", "sport"),
    ("92101975", "sky_mourinho_tottenham", "Sky News", "sport"),
    ("ecb46e3e", "timesunion_isles_nelson_overtime", "Times Union (AP)", "sport"),
    ("8e3efab5", "profootballtalk_anthony_lynn", "ProFootballTalk", "sport, interview"),
    ("d1c57d78", "spacenews_lunar_lander_companies", "SpaceNews", "science, business"),
    ("bd673bd7", "livescience_feather_duvet_lung", "Live Science", "science, health"),
    ("eb62ac84", "foxnews_scooter_braun_borchetta", "Fox News", "entertainment, interview"),
]


def headline(page):
    m = re.search(r'<meta[^>]+property=["\']og:title["\'][^>]+content=(?:"([^"]*)"|\'([^\']*)\')', page) \
        or re.search(r'<title[^>]*>(.*?)</title>', page, re.S)
    text = html.unescape(next(g for g in m.groups() if g is not None)).strip() if m else ""
    text = re.sub(r"\s+", " ", text)
    site = re.search(r"\s+[|–-]\s+((?:[A-Z][\w.&']*\s?){1,4})$", text)  # " - BBC News", " | Fox News"
    return text[:site.start()] if site else text


def main(git_dir, out_dir):
    truth = json.loads(subprocess.run(["git", "-C", git_dir, "show", "HEAD:ground-truth.json"],
                                      capture_output=True, check=True).stdout)
    for prefix, name, publisher, genre in ARTICLES:
        key = next(k for k in truth if k.startswith(prefix))
        page = gzip.decompress(subprocess.run(["git", "-C", git_dir, "show", f"HEAD:html/{key}.html.gz"],
                                              capture_output=True, check=True).stdout).decode("utf-8", "replace")
        body = [re.sub(r"[ \t]+", " ", p).strip() for p in truth[key]["articleBody"].split("\n")]
        text = headline(page) + "\n\n" + "\n\n".join(p for p in body if p) + "\n"
        with open(f"{out_dir}/{name}.txt", "w", encoding="utf-8") as f:
            f.write(text)
        print(f"{name}\t{publisher}\t{genre}\t{truth[key]['url']}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
