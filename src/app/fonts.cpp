// fonts.cpp — loading the packaged fonts (see fonts.h).
#include "fonts.h"

#include "document.h"
#include "text_util.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <cstring>

#include <imgui_internal.h>  // ImFontAtlasFontDiscardBakes

namespace {

ImFontConfig FaceConfig() {
  ImFontConfig cfg;
  cfg.OversampleH = 1;  // 1.92 places glyphs at sub-pixel positions itself; no need for 2x atlas
  cfg.PixelSnapH = false;
  return cfg;
}

ImFont* LoadFace(const std::string& path, std::string& missing) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    missing += (missing.empty() ? "" : ", ") + path;
    return nullptr;
  }
  std::fclose(f);
  ImFontConfig cfg = FaceConfig();
  // A negative size asks ImGui to map the em square to pixels, as CSS does, so "20 px" text
  // here is the same size as `font-size: 20px` in a browser (the default maps ascent+descent).
  ImFont* font = ImGui::GetIO().Fonts->AddFontFromFileTTF(path.c_str(), -18.0f, &cfg);
  if (!font) missing += (missing.empty() ? "" : ", ") + path + " (unreadable)";
  return font;
}

}  // namespace

const MoreGlyphsFile kMoreGlyphsFiles[4] = {
    {"NotoSans-Regular.more.ttf", &Fonts::sans},
    {"NotoSans-Bold.more.ttf", &Fonts::sans_bold},
    {"NotoSerif-Regular.more.ttf", &Fonts::serif},
    {"NotoSerif-Bold.more.ttf", &Fonts::serif_bold},
};

bool MergeMoreGlyphs(Fonts& fonts, const MoreGlyphsFile& file, const std::string& bytes, std::string* error) {
  ImFont* face = fonts.*file.face;
  // A TrueType file begins with its version (0x00010000, or 'true'): check before stb_truetype
  // is handed the bytes, which trusts its input.
  const bool truetype = bytes.size() >= 12 && (bytes.compare(0, 4, std::string("\0\1\0\0", 4)) == 0 || bytes.compare(0, 4, "true") == 0);
  if (!face || !truetype) {
    *error = std::string(file.name) + (face ? " is not a TrueType font" : " has no face to join");
    return false;
  }
  ImFontConfig cfg = FaceConfig();
  cfg.MergeMode = true;
  cfg.DstFont = face;
  void* data = IM_ALLOC(bytes.size());  // the atlas owns and frees it
  std::memcpy(data, bytes.data(), bytes.size());
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  if (!atlas->AddFontFromMemoryTTF(data, int(bytes.size()), -18.0f, &cfg)) {
    *error = std::string(file.name) + " could not be read as a font";
    return false;
  }
  // Glyphs looked up before (and found missing) are cached per size: drop them so the new
  // letters are found.
  ImFontAtlasFontDiscardBakes(atlas, face, 0);
  ++fonts.generation;
  return true;
}

std::string LoadFonts(Fonts& fonts, const char* dir) {
  std::string missing;
  const std::string d = dir;
  // The UI face first: ImGui uses the first font added as its default.
  fonts.sans = LoadFace(d + "/NotoSans-Regular.ttf", missing);
  fonts.sans_bold = LoadFace(d + "/NotoSans-Bold.ttf", missing);
  fonts.serif = LoadFace(d + "/NotoSerif-Regular.ttf", missing);
  fonts.serif_bold = LoadFace(d + "/NotoSerif-Bold.ttf", missing);

  ImFont* any = fonts.sans ? fonts.sans : fonts.serif ? fonts.serif : fonts.sans_bold ? fonts.sans_bold : fonts.serif_bold;
  if (!any) any = ImGui::GetIO().Fonts->AddFontDefault();
  if (!fonts.sans) fonts.sans = any;
  if (!fonts.serif) fonts.serif = fonts.sans;
  if (!fonts.sans_bold) fonts.sans_bold = fonts.sans;
  if (!fonts.serif_bold) fonts.serif_bold = fonts.sans_bold;
  ImGui::GetIO().FontDefault = fonts.sans;
  return missing.empty() ? std::string() : "Missing font files: " + missing + ". Text uses a fallback face.";
}

float MeasureText(ImFont* font, float size, std::string_view text) {
  if (text.empty()) return 0.0f;
  return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

std::vector<char32_t> MissingGlyphs(const Fonts& fonts, std::string_view text, size_t limit) {
  // Printable ASCII is in every face (the subset starts with it), so only the rest is looked up,
  // each code point once: a state query on a 1 MB article costs about a millisecond.
  std::vector<bool> seen(0x10000);  // ImWchar is 16 bits: the Basic Multilingual Plane
  std::vector<char32_t> missing;
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    i += lectern::DecodeUtf8(text, i, &cp);
    if (cp > 0xFFFF || seen[cp] || lectern::IsSpaceCp(cp)) continue;
    seen[cp] = true;
    const ImWchar c = ImWchar(cp);
    if (!fonts.serif->IsGlyphInFont(c) || !fonts.sans->IsGlyphInFont(c)) missing.push_back(cp);
  }
  std::sort(missing.begin(), missing.end());
  if (missing.size() > limit) missing.resize(limit);
  return missing;
}
