// fonts.h — the app's typefaces, loaded once from the packaged assets (subset at build time).
//
//   Fonts fonts;
//   std::string problem = LoadFonts(fonts, "/assets/fonts");  // "" when all loaded
//   ImGui::PushFont(fonts.ReadingFont(serif), size);
//
// Dear ImGui 1.92 rasterises glyphs on demand at any size and at the framebuffer's pixel
// density, so one ImFont per face serves every text size and devicePixelRatio crisply.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

struct Fonts {
  ImFont* serif = nullptr;       // Noto Serif: body text, serif mode
  ImFont* serif_bold = nullptr;  // Noto Serif Bold: headline, serif mode
  ImFont* sans = nullptr;        // Noto Sans: UI, and body text in sans mode
  ImFont* sans_bold = nullptr;   // Noto Sans Bold: UI headings, headline in sans mode

  // The packaged faces hold the letters of Windows-1252 and general punctuation: what English
  // news and the UI need. The rest (Latin Extended, Greek, Cyrillic, Vietnamese, letterlike
  // symbols) is in one more file per face, fetched the first time an article needs a letter the
  // packaged faces lack, and merged in (MergeMoreGlyphs): 4 files, ~130 KB brotli.
  enum class More { NotRequested, Loading, Ready, Failed };
  More more = More::NotRequested;
  int more_pending = 0;          // files still on their way
  std::string more_error;        // why a file could not be loaded or read
  int generation = 0;            // grows when glyphs are added: text measured before is stale

  ImFont* Body(bool use_serif) const { return use_serif ? serif : sans; }
  ImFont* Headline(bool use_serif) const { return use_serif ? serif_bold : sans_bold; }
};

// Loads the four faces; a missing or broken file falls back to the next best face (and to
// ImGui's built-in font at worst) and the returned message names what is missing.
std::string LoadFonts(Fonts& fonts, const char* dir);

// The faces' extension files, by the name FetchAsset takes, and the face each merges into.
struct MoreGlyphsFile {
  const char* name;
  ImFont* Fonts::*face;
};
extern const MoreGlyphsFile kMoreGlyphsFiles[4];

// Merges one extension file (a TrueType font) into its face, between frames. False, with
// `*error` set, when the bytes are not a font; the face is then unchanged.
bool MergeMoreGlyphs(Fonts& fonts, const MoreGlyphsFile& file, const std::string& bytes, std::string* error);

// Width of `text` set in `font` at `size` pixels. Invalid UTF-8 measures as U+FFFD.
float MeasureText(ImFont* font, float size, std::string_view text);

// Code points of `text` (UTF-8) that the reading faces, serif or sans, cannot draw: distinct,
// ascending, at most `limit`. White space is not drawn and does not count.
std::vector<char32_t> MissingGlyphs(const Fonts& fonts, std::string_view text, size_t limit);
