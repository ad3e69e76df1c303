// article_link.h — the article a link carries (`t=` in link_state.h's grammar): the text of an
// article the reader added, so whoever opens the link reads exactly that article, offline too.
// It travels in the URL fragment, which browsers never send to a server.
//
//   if (FitsInLink(doc.bytes)) link.text_payload = EncodeArticlePayload(doc.bytes);
//   ArticlePayloadDecode d = DecodeArticlePayload(link.text_payload);
//   if (!d.ok) notice("The article in this link cannot be read (" + d.error + ").");
//   else open(d.text);
//
// Payload: base64url without padding (RFC 4648 §5) of one version byte (kArticlePayloadVersion)
// followed by the raw DEFLATE (deflate.h) of the text. The decoder is strict and bounded: more
// than kMaxArticlePayloadChars characters, characters outside base64url (a '%' escape, '=', a
// space), an unknown version, a corrupt or truncated stream, more than kMaxArticleTextBytes of
// text (a deflate bomb), or binary data (a NUL byte or another control character than tab, line
// feed, vertical tab, form feed and carriage return) give ok == false and a lower-case `error`
// that reads inside the app's notice. Invalid UTF-8 is let through: the document loader lists
// it, as it does for a file. Never throws; time linear in the payload plus the text.
// There is no checksum (version 1 is the bare stream): a cut link is always refused, but about
// half of single-character changes decode to slightly different text (article_link_test.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace lectern {

// The payload's limit, in characters. Browsers take much longer URLs (Chromium up to 2 MB), but
// a link has to survive being shared: mail clients, chat apps and link previews cut or refuse
// long URLs at limits that vary and are rarely documented, and a huge link can stall the app it
// is pasted into. 60,000 characters keeps the whole link, with its address and the rest of the
// fragment, under 64 KiB while still carrying a long feature: 45,000 bytes of deflated text,
// about 114 KB or 18,000 words of English news (article_link_test.cpp measures it).
constexpr size_t kMaxArticlePayloadChars = 60000;
constexpr size_t kMaxArticleTextBytes = size_t(1) << 20;  // what a payload may inflate to (1 MiB)
constexpr uint8_t kArticlePayloadVersion = 1;             // the first byte of every payload

struct ArticlePayloadDecode {
  bool ok = false;
  std::string text;   // the article's bytes when ok, else empty
  std::string error;  // why not, when !ok: "this link was made by a newer Lectern"
};

std::string EncodeArticlePayload(std::string_view article_text);
ArticlePayloadDecode DecodeArticlePayload(std::string_view payload);
// The payload for a link, or "" when the text does not fit one: its payload would pass
// kMaxArticlePayloadChars, or the text kMaxArticleTextBytes (what DecodeArticlePayload takes).
std::string LinkPayload(std::string_view article_text);
bool FitsInLink(std::string_view article_text);  // !LinkPayload(text).empty()
// Only base64url's 64 characters (A–Z a–z 0–9 - _): what a payload may hold.
bool IsBase64Url(std::string_view text);

}  // namespace lectern
