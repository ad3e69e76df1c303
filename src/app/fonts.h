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

  ImFont* Body(bool use_serif) const { return use_serif ? serif : sans; }
  ImFont* Headline(bool use_serif) const { return use_serif ? serif_bold : sans_bold; }
};

// Loads the four faces; a missing or broken file falls back to the next best face (and to
// ImGui's built-in font at worst) and the returned message names what is missing.
std::string LoadFonts(Fonts& fonts, const char* dir);

// Width of `text` set in `font` at `size` pixels. Invalid UTF-8 measures as U+FFFD.
float MeasureText(ImFont* font, float size, std::string_view text);

// Code points of `text` (UTF-8) that the reading faces, serif or sans, cannot draw: distinct,
// ascending, at most `limit`. White space is not drawn and does not count.
std::vector<char32_t> MissingGlyphs(const Fonts& fonts, std::string_view text, size_t limit);
