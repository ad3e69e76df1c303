// theme.cpp — the three palettes and the ImGui style that goes with each.
#include "theme.h"

#include <cstring>

namespace {

constexpr ImU32 Rgb(unsigned rgb, unsigned a = 255) {
  return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, a);
}

// Colours chosen for contrast (body text ≥ 12:1 on its page) and for entity types that stay
// distinguishable to the common colour-vision deficiencies (blue / orange / purple / teal).
const Palette kLight = {
    Rgb(0xFBFBF9), Rgb(0x1B1B1F), Rgb(0x101014), Rgb(0x6B6B73), Rgb(0xE1E1DC),
    Rgb(0x9CC2FF, 140), Rgb(0xFFE46B, 170), Rgb(0xFF9F1C, 200),
    Rgb(0x1F5FBF), Rgb(0xB35A00), Rgb(0x7A3DB8), Rgb(0x0F7F73),
    Rgb(0x1F5FBF, 30), Rgb(0xE07B00, 34), Rgb(0x7A3DB8, 30), Rgb(0x0F7F73, 30),
    Rgb(0xC2185B), Rgb(0x8E8E96), Rgb(0xD81B60, 90),
    Rgb(0xE8E6DF), Rgb(0xB9B5A8), Rgb(0xF4F6F8)};

const Palette kSepia = {
    Rgb(0xF4ECD8), Rgb(0x3B2F22), Rgb(0x2A2018), Rgb(0x7D6B55), Rgb(0xDCCFB2),
    Rgb(0xB7A47A, 120), Rgb(0xFFD24A, 170), Rgb(0xFF8C1A, 200),
    Rgb(0x1E5AA8), Rgb(0xA34E00), Rgb(0x6E3AA6), Rgb(0x0E6E63),
    Rgb(0x1E5AA8, 30), Rgb(0xA34E00, 34), Rgb(0x6E3AA6, 30), Rgb(0x0E6E63, 30),
    Rgb(0xB0174F), Rgb(0x9A8A72), Rgb(0xC2185B, 90),
    Rgb(0xE6D9BC), Rgb(0xB8A784), Rgb(0xEFE6D0)};

const Palette kDark = {
    Rgb(0x1C1B22), Rgb(0xE3E1DC), Rgb(0xF4F2EE), Rgb(0x9A98A3), Rgb(0x34323D),
    Rgb(0x3D6FB8, 150), Rgb(0x8A7A1E, 190), Rgb(0xE08A00, 210),
    Rgb(0x7FB2FF), Rgb(0xFFB14E), Rgb(0xC79BFF), Rgb(0x5FD4C4),
    Rgb(0x7FB2FF, 34), Rgb(0xFFB14E, 34), Rgb(0xC79BFF, 34), Rgb(0x5FD4C4, 34),
    Rgb(0xFF6FA3), Rgb(0x77757F), Rgb(0xFF6FA3, 90),
    Rgb(0x2B2A33), Rgb(0x4A4856), Rgb(0x18171D)};

ImVec4 V(ImU32 c, float alpha = -1) {
  ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
  if (alpha >= 0) v.w = alpha;
  return v;
}

}  // namespace

const char* ThemeName(Theme t) {
  switch (t) {
    case Theme::Light: return "light";
    case Theme::Sepia: return "sepia";
    case Theme::Dark: return "dark";
  }
  return "light";
}

Theme ThemeFromName(const char* name, Theme fallback) {
  if (!name) return fallback;
  if (!std::strcmp(name, "light")) return Theme::Light;
  if (!std::strcmp(name, "sepia")) return Theme::Sepia;
  if (!std::strcmp(name, "dark")) return Theme::Dark;
  return fallback;
}

const Palette& GetPalette(Theme t) {
  switch (t) {
    case Theme::Sepia: return kSepia;
    case Theme::Dark: return kDark;
    default: return kLight;
  }
}

void ApplyTheme(Theme t) {
  ImGuiStyle& style = ImGui::GetStyle();
  if (t == Theme::Dark) {
    ImGui::StyleColorsDark(&style);
  } else {
    ImGui::StyleColorsLight(&style);
  }
  const Palette& p = GetPalette(t);
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = V(p.page);
  c[ImGuiCol_ChildBg] = V(p.page, 0.0f);
  c[ImGuiCol_PopupBg] = V(p.water, 0.98f);
  c[ImGuiCol_MenuBarBg] = V(p.land);
  c[ImGuiCol_TitleBg] = V(p.land);
  c[ImGuiCol_TitleBgActive] = V(p.land_edge, 0.55f);
  c[ImGuiCol_TitleBgCollapsed] = V(p.land);
  c[ImGuiCol_Text] = V(p.text);
  c[ImGuiCol_TextDisabled] = V(p.muted);
  c[ImGuiCol_Border] = V(p.rule);
  c[ImGuiCol_Separator] = V(p.rule);
  c[ImGuiCol_FrameBg] = V(p.land, 0.9f);
  c[ImGuiCol_FrameBgHovered] = V(p.land_edge, 0.45f);
  c[ImGuiCol_FrameBgActive] = V(p.land_edge, 0.65f);
  c[ImGuiCol_Button] = V(p.land, 0.95f);
  c[ImGuiCol_ButtonHovered] = V(p.land_edge, 0.5f);
  c[ImGuiCol_ButtonActive] = V(p.land_edge, 0.8f);
  c[ImGuiCol_Header] = V(p.selection);
  c[ImGuiCol_HeaderHovered] = V(p.selection, 0.35f);
  c[ImGuiCol_HeaderActive] = V(p.selection, 0.6f);
  c[ImGuiCol_Tab] = V(p.land);
  c[ImGuiCol_TabHovered] = V(p.land_edge, 0.5f);
  c[ImGuiCol_TabSelected] = V(p.page);
  c[ImGuiCol_TabSelectedOverline] = V(p.focus);
  c[ImGuiCol_ScrollbarBg] = V(p.page, 0.0f);
  c[ImGuiCol_TableHeaderBg] = V(p.land);
  c[ImGuiCol_TableRowBgAlt] = V(p.land, 0.35f);
  c[ImGuiCol_CheckMark] = V(p.focus);
  c[ImGuiCol_SliderGrab] = V(p.focus, 0.8f);
  c[ImGuiCol_SliderGrabActive] = V(p.focus);
  c[ImGuiCol_TextSelectedBg] = V(p.selection);
  c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.35f);

  style.WindowRounding = 6;
  style.ChildRounding = 4;
  style.FrameRounding = 5;
  style.PopupRounding = 6;
  style.GrabRounding = 4;
  style.TabRounding = 5;
  style.ScrollbarRounding = 8;
  style.ScrollbarSize = 12;
  style.WindowPadding = ImVec2(10, 8);
  style.FramePadding = ImVec2(8, 4);
  style.ItemSpacing = ImVec2(8, 6);
  style.WindowBorderSize = 1;
  style.FrameBorderSize = 0;
  style.WindowTitleAlign = ImVec2(0.0f, 0.5f);
}

ImU32 TypeColor(const Palette& p, lectern::EntityType t) {
  switch (t) {
    case lectern::EntityType::Person: return p.person;
    case lectern::EntityType::Place: return p.place;
    case lectern::EntityType::Org: return p.org;
    case lectern::EntityType::Group: return p.group;
  }
  return p.text;
}

ImU32 TypeBackground(const Palette& p, lectern::EntityType t) {
  switch (t) {
    case lectern::EntityType::Person: return p.person_bg;
    case lectern::EntityType::Place: return p.place_bg;
    case lectern::EntityType::Org: return p.org_bg;
    case lectern::EntityType::Group: return p.group_bg;
  }
  return p.selection;
}
