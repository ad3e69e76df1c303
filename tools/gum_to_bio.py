#!/usr/bin/env python3
"""Convert GUM (Georgetown University Multilayer corpus) entity annotations to
flat BIO named-entity data (PERSON / PLACE / ORG) for licence-compatible genres.

Standard library only.  Reads the corpus straight from the git objects of a
bare snapshot (default: /work/.mirror/amir-zeldes+gum/repo, revision HEAD) with
`git cat-file --batch`, or from a directory of already extracted files
(--raw DIR, expecting DIR/splits.md and DIR/dep/*.conllu).

Source of annotation: dep/<doc>.conllu, MISC column, attribute `Entity=`
(CorefUD bracket notation; the per-document header
`# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity`
gives the field order).  Mention boundaries, the entity type (etype) and the
dependency tree / PTB xpos tags of the same file are used.

Which mentions count as NAMED
  A mention is named iff its syntactic head (the one word of the span whose
  HEAD lies outside the span; ties -> highest in the tree, then leftmost) has
  xpos NNP or NNPS.  So "the president" (head NN) is never a name, although
  GUM gives it Obama's Wikification identity (identity is a property of the
  whole coreference chain, pronouns included, so it is NOT used as the
  signal); "President Obama" (head Obama/NNP) is.
  Only the name part of the mention is tagged, not the whole mention (which
  may carry determiners, relative clauses, possessive 's ...):
  - PLACE / ORG / other types: maximal run of proper nouns around the head,
    bridged by of(+the), hyphen, name particles; ORG/PLACE also '&' and a
    trailing number; ORG also for/on  (name_subspan()).
  - PERSON: run of proper nouns around the head that excludes title words
    (Mr., President, Senator, ...), words attached as nmod:desc, and words of
    inner mentions of other entities  (person_subspan()):
      "US President Barack Obama" -> US=PLACE, Barack Obama=PERSON.
    A PERSON mention whose head is itself a title ("the President of ...",
    "Mr. Chief Justice", "Your Honor") is not tagged.  NNPS-headed or
    indefinite ("Americans", "the Thais", "an American") person mentions are
    groups/demonyms (CoNLL MISC / OntoNotes NORP) and are written as O.
  - Common-noun-headed PERSON/PLACE/ORG mentions with a proper-noun flat/appos
    dependent that GUM did not annotate separately ("magician David Gish",
    "the island of Busuanga" via nmod+of for places) yield that name.

Nesting
  Runs are accepted outermost-first (outer = larger mention span); a run that
  overlaps an accepted run is dropped, except that a run covering exactly the
  same words passes its (more specific, inner) type on: PERSON "Brieber"
  inside the citation "Brieber 2014" (abstract).  A named mention of an etype
  outside PERSON/PLACE/ORG (event, object, abstract, time, ...) occupies its
  span as O, so "FIFA World Cup" (event) does not yield ORG "FIFA"; use
  --inner-in-other to let inner names show through such spans.

Output: <out>/<split>.bio with `token<TAB>tag`, a blank line after each
sentence and `# doc = <name>` before each document, plus <out>/stats.json.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys

DEFAULT_REPO = "/work/.mirror/amir-zeldes+gum/repo"
DEFAULT_OUT = "build/gum"

# Genres whose *text* licence (LICENSE.txt of the GUM repo) is CC BY or CC BY-SA:
#   academic  CC BY 4.0      bio   CC BY-SA 3.0 (Wikipedia)
#   court     CC BY 4.0      interview / news  CC BY 2.5 (Wikinews)
#   voyage    CC BY-SA 3.0 (Wikivoyage)
# Excluded: essay, fiction, letter, podcast, whow (CC BY-NC-SA), reddit
# (non-commercial, text not even shipped), and conversation, speech, textbook,
# vlog and all GENTLE_* (no licence stated in LICENSE.txt).
DEFAULT_GENRES = ["news", "interview"]  # Wikinews, CC BY 2.5; see THIRD_PARTY.md for the others

TYPE_MAP = {"person": "PERSON", "place": "PLACE", "organization": "ORG"}
PROPER = {"NNP", "NNPS"}

TITLE_WORDS = {w.lower() for w in """
Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Mx. Mister Madam Madame Mme Mme. Dr Dr. Doctor
Prof Prof. Professor President Vice Prime Minister Premier Chancellor Secretary
Senator Sen Sen. Rep Rep. Representative Congressman Congresswoman Governor
Gov Gov. Mayor Judge Justice Chief Attorney General Gen Gen. Colonel Col Col.
Captain Capt Capt. Commander Lieutenant Lt Lt. Sergeant Sgt Sgt. Admiral
Major Officer Detective Inspector Ambassador Commissioner Chairman Chairwoman
Director Coach King Queen Prince Princess Emperor Empress Lord Lady Sir Dame
Duke Duchess Pope Saint St St. Rev Rev. Reverend Father Fr Fr. Sister Brother
Bishop Archbishop Cardinal Rabbi Imam Sheikh Ayatollah Uncle Aunt Deputy
Speaker Sheriff Dean Principal Nurse Agent Administrator MP Spokesperson
Spokesman Spokeswoman Councillor Councilor Assemblyman Assemblywoman Chair
Founder CEO Mlle Mlle. Herr Frau Sra Sra. Sr Sr. Señor Señora Monsieur
Petitioner Petitioners Respondent Respondents Plaintiff Defendant Appellant
Appellee Counsel Honor Honour Majesty Highness Excellency Lordship Protector
""".split()}

# lower-case particles that may sit inside a proper name between NNP words
NAME_PARTICLES = {"de", "da", "di", "do", "dos", "das", "del", "della", "des",
                  "du", "la", "le", "van", "von", "der", "den", "ter", "ten",
                  "al", "el", "bin", "ibn", "bint", "y", "zu", "af", "av"}


# --------------------------------------------------------------------------
# reading the snapshot


class GitReader:
    """Reads blobs of one revision through a single `git cat-file --batch`."""

    def __init__(self, repo, rev):
        self.repo, self.rev = repo, rev
        self.proc = subprocess.Popen(
            ["git", "-C", repo, "cat-file", "--batch"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def list(self, folder):
        out = subprocess.run(
            ["git", "-C", self.repo, "ls-tree", "--name-only", self.rev,
             folder.rstrip("/") + "/"],
            check=True, stdout=subprocess.PIPE).stdout.decode("utf-8")
        return [os.path.basename(p) for p in out.split("\n") if p]

    def read(self, path):
        self.proc.stdin.write(("%s:%s\n" % (self.rev, path)).encode("utf-8"))
        self.proc.stdin.flush()
        header = self.proc.stdout.readline().decode("utf-8").split()
        if len(header) < 3 or header[1] == "missing":
            raise FileNotFoundError(path)
        size = int(header[2])
        data = self.proc.stdout.read(size)
        self.proc.stdout.read(1)  # trailing newline
        return data.decode("utf-8")

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


class DirReader:
    def __init__(self, root):
        self.root = root

    def list(self, folder):
        return sorted(os.listdir(os.path.join(self.root, folder)))

    def read(self, path):
        with open(os.path.join(self.root, path), encoding="utf-8") as f:
            return f.read()

    def close(self):
        pass


def read_splits(text):
    """splits.md: '## dev' / '## test' / '## test2' headings, '  * DOC' items.
    Everything not listed is train."""
    splits, cur = {}, None
    for line in text.splitlines():
        m = re.match(r"^##\s+(\S+)", line)
        if m:
            cur = m.group(1).strip()
            continue
        m = re.match(r"^\s*\*\s+(\S+)", line)
        if m and cur:
            splits[m.group(1)] = cur
    return splits


# --------------------------------------------------------------------------
# CoNLL-U + CorefUD entity parsing


class Word:
    __slots__ = ("form", "xpos", "upos", "head", "deprel", "sent", "idx")

    def __init__(self, form, upos, xpos, head, deprel, sent, idx):
        self.form, self.upos, self.xpos = form, upos, xpos
        self.head, self.deprel, self.sent, self.idx = head, deprel, sent, idx


ENT_TOKEN = re.compile(r"\([^()]*\)|\([^()]*|[^()]+\)")


def parse_doc(text):
    """Returns (sentences, mentions, mwt).
    sentences: list of lists of global word indices;
    words: list of Word (global index = position), head = global index or -1;
    mentions: list of dict(start, end (inclusive), eid, etype, identity, minspan);
    mwt: dict first-word-index -> (last-word-index, surface form)."""
    words, sentences, mentions, mwt = [], [], [], {}
    open_stack = collections.defaultdict(list)  # eid -> [mention dicts]
    cur, local2global, pending_heads, pending_mwt = [], {}, [], []
    bad = collections.Counter()

    def flush():
        nonlocal cur, local2global, pending_heads, pending_mwt
        if not cur:
            return
        for gi, h in pending_heads:
            words[gi].head = local2global.get(h, -1) if h > 0 else -1
        for a, b, form in pending_mwt:
            if a in local2global and b in local2global:
                mwt[local2global[a]] = (local2global[b], form)
        sentences.append(cur)
        cur, local2global, pending_heads, pending_mwt = [], {}, [], []

    for line in text.splitlines():
        if not line.strip():
            flush()
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            bad["malformed_line"] += 1
            continue
        tid = cols[0]
        if "." in tid:          # empty node (enhanced UD) - no surface word
            continue
        if "-" in tid:          # multi-word token range
            a, b = tid.split("-")
            pending_mwt.append((int(a), int(b), cols[1]))
            continue
        gi = len(words)
        local2global[int(tid)] = gi
        words.append(Word(cols[1], cols[3], cols[4], -1, cols[7],
                          len(sentences), gi))
        pending_heads.append((gi, int(cols[6]) if cols[6] != "_" else 0))
        cur.append(gi)
        ent = None
        for kv in cols[9].split("|"):
            if kv.startswith("Entity="):
                ent = kv[len("Entity="):]
        if ent:
            for tok in ENT_TOKEN.findall(ent):
                if tok.startswith("("):
                    body = tok[1:-1] if tok.endswith(")") else tok[1:]
                    f = body.split("-", 7)
                    f += [""] * (8 - len(f))
                    m = {"eid": f[0], "etype": f[1], "minspan": f[5],
                         "identity": f[7], "start": gi, "end": gi}
                    if tok.endswith(")"):
                        mentions.append(m)
                    else:
                        open_stack[f[0]].append(m)
                else:
                    eid = tok[:-1]
                    if open_stack.get(eid):
                        m = open_stack[eid].pop()
                        m["end"] = gi
                        mentions.append(m)
                    else:
                        bad["unmatched_close"] += 1
    flush()
    for eid, st in open_stack.items():
        bad["unclosed"] += len(st)
    return words, sentences, mentions, mwt, bad


def mention_head(words, m):
    """The word of the span whose HEAD lies outside the span.  If several
    (non-projective spans, e.g. a PP attached to the verb), the one highest
    in the tree, then the leftmost (English NPs are head-initial w.r.t.
    such post-modifiers)."""
    span = range(m["start"], m["end"] + 1)
    inside = set(span)
    cands = [i for i in span if words[i].head not in inside]
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]

    def depth(i):
        d, seen = 0, set()
        while words[i].head >= 0 and i not in seen:
            seen.add(i)
            i = words[i].head
            d += 1
        return d
    real = [i for i in cands if words[i].upos != "PUNCT"] or cands
    return min(real, key=lambda i: (depth(i), i))


def is_proper(w):
    return w.xpos in PROPER


def is_title(w):
    return w.form.lower() in TITLE_WORDS


def is_particle(w):
    return w.form.lower() in NAME_PARTICLES or w.xpos == "HYPH"


def name_subspan(words, m, h, etype):
    """Non-PERSON names: maximal run of proper-noun words around head h inside
    mention m.  Connectors allowed only between proper nouns: hyphen,
    lower-case particles (de, van, al...), 'of' (+ optional 'the'):
    "University of the Arts"; for ORG/PLACE also '&'; for ORG also 'for',
    'on' ("Association for Computational Linguistics").  For ORG/PLACE a
    number right of the run that depends on it is included ("Pad 39A",
    "Channel 4").  Other etypes (event, abstract, ...) get neither '&' nor the
    number, so a citation "Dye & Bavelier 2010" (abstract) does not swallow
    the two PERSON names inside it."""
    lo, hi = m["start"], m["end"]
    ours = etype in ("place", "organization")
    words_ok = {"of"}
    if etype == "organization":
        words_ok |= {"for", "on"}

    def conn_right(j):
        w = words[j]
        low = w.form.lower()
        n = 0
        if low in words_ok:
            n = 1
            if j + 1 <= hi and words[j + 1].form.lower() == "the":
                n = 2
        elif is_particle(w) or (ours and w.form == "&"):
            n = 1
        if n and j + n <= hi and is_proper(words[j + n]):
            return n
        return 0

    def conn_left(j):
        w = words[j]
        low = w.form.lower()
        n = 0
        if low == "the" and j - 1 >= lo and words[j - 1].form.lower() in words_ok:
            n = 2
        elif low in words_ok or is_particle(w) or (ours and w.form == "&"):
            n = 1
        if n and j - n >= lo and is_proper(words[j - n]):
            return n
        return 0

    s = e = h
    changed = True
    while changed:
        changed = False
        if e + 1 <= hi:
            if is_proper(words[e + 1]):
                e += 1
                changed = True
            else:
                n = conn_right(e + 1)
                if n:
                    e += n + 1
                    changed = True
        if s - 1 >= lo:
            if is_proper(words[s - 1]):
                s -= 1
                changed = True
            else:
                n = conn_left(s - 1)
                if n:
                    s -= n + 1
                    changed = True
    if ours and e + 1 <= hi and words[e + 1].xpos == "CD" \
            and s <= words[e + 1].head <= e:
        e += 1
    return s, e


def person_subspan(words, m, h, barrier):
    """PERSON names.  The run around the head may not contain
      - words of an inner mention of another entity ("US" in
        "US President Barack Obama", "NASA" in "NASA Administrator ..."),
      - title words (TITLE_WORDS) or words attached as nmod:desc (GUM's
        relation for titles/descriptors: "Minister/nmod:desc Rishi Sunak").
    Connectors: hyphen and lower-case particles only ("Abd al - Karim",
    "Claudio De Vincenti", "Jean le Rond d'Alembert").
    Returns None if the head itself is a title ("the President of ...",
    "Mr. Chief Justice") or no proper noun is left."""
    lo, hi = m["start"], m["end"]
    if is_title(words[h]):
        return None

    def ok(i):
        if not lo <= i <= hi or i in barrier:
            return False
        w = words[i]
        return not is_title(w) and w.deprel != "nmod:desc"

    def prop(i):
        return ok(i) and is_proper(words[i])

    start = h if prop(h) else None
    if start is None:
        # head sits in an inner mention or is a descriptor: nearest usable
        # proper noun in the contiguous proper-noun stretch around it
        for step in (1, -1):
            i = h + step
            while lo <= i <= hi and (is_proper(words[i]) or is_particle(words[i])):
                if prop(i):
                    start = i
                    break
                i += step
            if start is not None:
                break
    if start is None:
        return None
    s = e = start
    changed = True
    while changed:
        changed = False
        if prop(e + 1):
            e += 1
            changed = True
        elif ok(e + 1) and is_particle(words[e + 1]) and prop(e + 2):
            e += 2
            changed = True
        if prop(s - 1):
            s -= 1
            changed = True
        elif ok(s - 1) and is_particle(words[s - 1]) and prop(s - 2):
            s -= 2
            changed = True
    return s, e


DEMONYM_DETS = {"a", "an", "another", "every", "each", "no", "some", "any"}


def person_is_group_or_demonym(words, m, h):
    """'Americans', 'the Thais', 'Muslims' (NNPS head) and 'an American',
    'every other New Zealander' (indefinite/quantifying determiner on an NNP
    head) are nationality/religion/party groups (CoNLL MISC, OntoNotes NORP),
    not person names."""
    if words[h].xpos == "NNPS":
        return True
    for i in range(m["start"], h):
        if words[i].head == h and words[i].deprel == "det" \
                and words[i].form.lower() in DEMONYM_DETS:
            return True
    return False


def build_candidates(words, mentions, stats):
    """Returns a list of (mention_len, s, e, label_or_None, etype, how)."""
    import bisect
    order = sorted(range(len(mentions)), key=lambda k: mentions[k]["start"])
    starts = [mentions[k]["start"] for k in order]
    heads = [mention_head(words, m) for m in mentions]

    def inner_of(m):
        """mentions strictly nested in m (different span, different entity)"""
        res = []
        j = bisect.bisect_left(starts, m["start"])
        while j < len(order) and starts[j] <= m["end"]:
            o = mentions[order[j]]
            if o is not m and o["end"] <= m["end"] and o["eid"] != m["eid"] \
                    and (o["start"], o["end"]) != (m["start"], m["end"]):
                res.append(o)
            j += 1
        return res

    cands = []
    named_tokens = set()
    for k, m in enumerate(mentions):
        h = heads[k]
        if h is not None and is_proper(words[h]):
            named_tokens.update(range(m["start"], m["end"] + 1))
    for k, m in enumerate(mentions):
        et = m["etype"]
        stats["gum_mentions_by_type"][et] += 1
        if words[m["start"]].sent != words[m["end"]].sent:
            stats["skipped_cross_sentence"] += 1
            continue
        h = heads[k]
        if h is None:
            continue
        mlen = m["end"] - m["start"]
        label = TYPE_MAP.get(et)
        if is_proper(words[h]):
            stats["named_mentions_by_type"][et] += 1
            if et == "person":
                barrier = set()
                for o in inner_of(m):
                    if not (o["start"] <= h <= o["end"]):
                        barrier.update(range(o["start"], o["end"] + 1))
                r = person_subspan(words, m, h, barrier)
                if r is None:
                    stats["person_title_only_dropped"] += 1
                    continue
                if person_is_group_or_demonym(words, m, h):
                    stats["person_group_demonym_as_O"] += 1
                    cands.append((mlen, r[0], r[1], None, et, "group"))
                    continue
                cands.append((mlen, r[0], r[1], label, et, "head"))
            else:
                s, e = name_subspan(words, m, h, et)
                cands.append((mlen, s, e, label, et, "head"))
        elif label:
            # descriptor + name with a common-noun head that GUM did not
            # annotate as a mention of its own: "magician David Gish",
            # "English captain Harry Kane", "the island of Busuanga"
            for d in range(m["start"], m["end"] + 1):
                w = words[d]
                if w.head != h or not is_proper(w) or d in named_tokens:
                    continue
                rel = w.deprel.split(":")[0]
                if rel in ("flat", "appos"):
                    pass
                elif rel == "nmod" and et == "place" and any(
                        words[c].head == d and words[c].form.lower() == "of"
                        for c in range(m["start"], d)):
                    pass
                else:
                    continue
                if et == "person":
                    r = person_subspan(words, m, d, set())
                    if r is None:
                        continue
                    s, e = r
                else:
                    s, e = name_subspan(words, m, d, et)
                stats["descriptor_names_recovered"][label] += 1
                cands.append((mlen, s, e, label, et, "descriptor"))
    return cands


def resolve(cands, n_words, stats):
    """Outermost first.  A run overlapping an accepted run is dropped, except
    that a run with exactly the same words as an accepted one passes its type
    on (the more deeply nested mention is the more specific annotation of that
    very string: PERSON 'Brieber' inside the citation 'Brieber 2014')."""
    cands = sorted(cands, key=lambda c: (-c[0], -(c[2] - c[1]), c[1]))
    taken = [None] * n_words
    spans = {}
    for _, s, e, label, et, how in cands:
        hit = {taken[i] for i in range(s, e + 1) if taken[i] is not None}
        if not hit:
            spans[(s, e)] = label
            for i in range(s, e + 1):
                taken[i] = (s, e)
        elif hit == {(s, e)}:
            if spans[(s, e)] != label and label is not None:
                stats["same_span_type_override"]["%s->%s" % (spans[(s, e)], label)] += 1
                spans[(s, e)] = label
        elif label:
            stats["nested_dropped"][label] += 1
    return sorted((s, e, l) for (s, e), l in spans.items())


def convert_doc(text, opts, stats_split):
    words, sentences, mentions, mwt, bad = parse_doc(text)
    for k, v in bad.items():
        stats_split["parse_problems"][k] += v
    cands = build_candidates(words, mentions, stats_split)
    if opts.inner_in_other:
        cands = [c for c in cands if c[3] is not None]
    spans = resolve(cands, len(words), stats_split)
    tags = ["O"] * len(words)
    for s, e, label in spans:
        if not label:
            continue
        tags[s] = "B-" + label
        for i in range(s + 1, e + 1):
            tags[i] = "I-" + label
        stats_split["entities"][label] += 1
    out_sents = []
    for sent in sentences:
        rows = []
        k = 0
        while k < len(sent):
            gi = sent[k]
            if opts.surface and gi in mwt:
                last, form = mwt[gi]
                group = list(range(gi, last + 1))
                t = next((tags[x] for x in group if tags[x] != "O"), "O")
                if t.startswith("I-") and (gi == 0 or tags[gi - 1] == "O"):
                    t = "B-" + t[2:]
                rows.append((form, t))
                k += len(group)
                continue
            rows.append((words[gi].form, tags[gi]))
            k += 1
        out_sents.append(rows)
    stats_split["sentences"] += len(out_sents)
    stats_split["tokens"] += sum(len(r) for r in out_sents)
    return out_sents, spans, words


def new_stats():
    return {"documents": 0, "sentences": 0, "tokens": 0,
            "entities": collections.Counter(),
            "gum_mentions_by_type": collections.Counter(),
            "named_mentions_by_type": collections.Counter(),
            "nested_dropped": collections.Counter(),
            "same_span_type_override": collections.Counter(),
            "descriptor_names_recovered": collections.Counter(),
            "person_title_only_dropped": 0,
            "person_group_demonym_as_O": 0,
            "skipped_cross_sentence": 0,
            "parse_problems": collections.Counter(),
            "genres": collections.Counter()}


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repo", default=DEFAULT_REPO, help="bare git dir of the GUM snapshot")
    ap.add_argument("--rev", default="HEAD")
    ap.add_argument("--raw", help="read extracted files from this dir instead of git")
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--genres", default=",".join(DEFAULT_GENRES),
                    help="comma-separated GUM genre codes (default: %(default)s)")
    ap.add_argument("--exclude-docs", default="",
                    help="comma-separated document names to leave out")
    ap.add_argument("--inner-in-other", action="store_true",
                    help="named mentions of other etypes do not block inner names")
    ap.add_argument("--surface", action="store_true",
                    help="write multi-word tokens (Warhol's, don't) as one surface "
                         "token instead of the UD syntactic words")
    ap.add_argument("--dump-spans", action="store_true",
                    help="also write <out>/spans.tsv (doc, split, label, text)")
    opts = ap.parse_args()

    genres = [g for g in opts.genres.split(",") if g]
    excluded = {d for d in opts.exclude_docs.split(",") if d}
    reader = DirReader(opts.raw) if opts.raw else GitReader(opts.repo, opts.rev)
    try:
        split_of = read_splits(reader.read("splits.md"))
        files = sorted(f for f in reader.list("dep") if f.endswith(".conllu"))
        docs = []
        for f in files:
            name = f[:-len(".conllu")]
            m = re.match(r"^GUM_([a-z]+)_", name)
            if not m or m.group(1) not in genres or name in excluded:
                continue
            docs.append((name, m.group(1), split_of.get(name, "train")))
        os.makedirs(opts.out, exist_ok=True)
        stats = {}
        handles = {}
        span_rows = []
        for name, genre, split in docs:
            if split not in handles:
                handles[split] = open(os.path.join(opts.out, split + ".bio"),
                                      "w", encoding="utf-8")
                stats[split] = new_stats()
            st = stats[split]
            st["documents"] += 1
            st["genres"][genre] += 1
            sents, spans, words = convert_doc(reader.read("dep/%s.conllu" % name),
                                              opts, st)
            fh = handles[split]
            fh.write("# doc = %s\n" % name)
            for rows in sents:
                for form, tag in rows:
                    fh.write("%s\t%s\n" % (form, tag))
                fh.write("\n")
            if opts.dump_spans:
                for s, e, label in spans:
                    span_rows.append((name, split, label or "(other)",
                                      " ".join(words[i].form for i in range(s, e + 1))))
        for fh in handles.values():
            fh.close()
    finally:
        reader.close()
    if opts.dump_spans:
        with open(os.path.join(opts.out, "spans.tsv"), "w", encoding="utf-8") as f:
            for r in span_rows:
                f.write("\t".join(r) + "\n")
    total = new_stats()
    for st in stats.values():
        for k, v in st.items():
            if isinstance(v, collections.Counter):
                total[k].update(v)
            else:
                total[k] += v
    stats["ALL"] = total
    with open(os.path.join(opts.out, "stats.json"), "w", encoding="utf-8") as f:
        json.dump({"source": opts.raw or "%s@%s" % (opts.repo, opts.rev),
                   "genres": genres, "options": vars(opts), "splits": stats},
                  f, indent=1, sort_keys=True)
    order = ["train", "dev", "test"] + sorted(set(stats) - {"train", "dev", "test", "ALL"}) + ["ALL"]
    print("%-6s %5s %6s %7s %7s %6s %5s" % ("split", "docs", "sents", "tokens",
                                            "PERSON", "PLACE", "ORG"))
    for sp in order:
        if sp not in stats:
            continue
        st = stats[sp]
        print("%-6s %5d %6d %7d %7d %6d %5d" % (sp, st["documents"], st["sentences"],
              st["tokens"], st["entities"]["PERSON"], st["entities"]["PLACE"],
              st["entities"]["ORG"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
