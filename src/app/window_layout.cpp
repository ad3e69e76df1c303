// window_layout.cpp — columns or tabs, persistence of the arrangement (see window_layout.h).
//
// The arrangement persists through Dear ImGui's own ini text, kept in localStorage (there is
// no file system to write imgui.ini to). Which windows are open is part of the app settings.
#include "window_layout.h"

#include "app.h"
#include "platform.h"
#include "stored_settings.h"

#include <imgui.h>
#include <imgui_internal.h>  // SettingsDirtyTimer: a changed arrangement waiting to be saved

#include <algorithm>
#include <cmath>

const char* WindowKey(WindowId w) {
  switch (w) {
    case WindowId::Article: return "article";
    case WindowId::Map: return "map";
    case WindowId::Quotes: return "quotes";
  }
  return "article";
}

const char* WindowTitle(WindowId w) {
  switch (w) {
    case WindowId::Article: return "Article";
    case WindowId::Map: return "Entity map";
    case WindowId::Quotes: return "Quote explorer";
  }
  return "Article";
}

std::string OpenWindowsString(const WindowSet& ws) {
  std::string s;
  if (ws.open[0]) s += 'a';
  if (ws.open[1]) s += 'm';
  if (ws.open[2]) s += 'q';
  return s;
}

void ParseOpenWindows(WindowSet& ws, const std::string& s) {
  ws.open[0] = s.find('a') != std::string::npos;
  ws.open[1] = s.find('m') != std::string::npos;
  ws.open[2] = s.find('q') != std::string::npos;
}

void ShowWindow(AppState& app, WindowId w) {
  WindowSet& ws = app.windows;
  const int i = int(w);
  if (!ws.open[i]) {
    ws.open[i] = true;
    SaveSettings(app);
  }
  ws.focus_request[i] = true;
  if (ws.tab != w) {
    ws.tab = w;
    ws.tab_request = true;
  }
  platform::RequestFrames(0.1);
}

namespace {

struct Rect {
  float x, y, w, h;
};

// The first-open arrangement for a work area: three columns when wide, article beside a
// stacked map and quote list when medium.
Rect DefaultRect(WindowId w, ImVec2 pos, ImVec2 size) {
  const float gap = 6.0f;
  if (size.x >= kThreeColumnsWidth) {
    const float a = std::floor(size.x * 0.44f), m = std::floor(size.x * 0.30f);
    switch (w) {
      case WindowId::Article: return {pos.x, pos.y, a, size.y};
      case WindowId::Map: return {pos.x + a + gap, pos.y, m - gap, size.y};
      case WindowId::Quotes: return {pos.x + a + m + gap, pos.y, size.x - a - m - gap, size.y};
    }
  }
  const float a = std::floor(size.x * 0.55f), top = std::floor(size.y * 0.56f);
  switch (w) {
    case WindowId::Article: return {pos.x, pos.y, a, size.y};
    case WindowId::Map: return {pos.x + a + gap, pos.y, size.x - a - gap, top};
    case WindowId::Quotes: return {pos.x + a + gap, pos.y + top + gap, size.x - a - gap, size.y - top - gap};
  }
  return {pos.x, pos.y, size.x, size.y};
}

bool DrawContents(AppState& app, WindowId w) {
  switch (w) {
    case WindowId::Article: return DrawArticleContents(app.article, app);
    case WindowId::Map: return DrawEntityMapContents(app.map, app);
    case WindowId::Quotes: return DrawQuoteExplorerContents(app.quotes, app);
  }
  return false;
}

bool DrawColumns(AppState& app, ImVec2 pos, ImVec2 size) {
  WindowSet& ws = app.windows;
  // Scale only when the browser window changed size, not when the work area settles under the
  // menu bar on the first frames.
  const ImVec2 display = ImGui::GetMainViewport()->Size;
  const bool resized = ws.last_w > 0 && (ws.last_w != display.x || ws.last_h != display.y);
  bool animating = false;
  for (int i = 0; i < kWindowCount; ++i) {
    if (!ws.open[i]) continue;
    const WindowId id = WindowId(i);
    const Rect def = DefaultRect(id, pos, size);
    if (ws.reset) {
      ImGui::SetNextWindowPos(ImVec2(def.x, def.y), ImGuiCond_Always);
      ImGui::SetNextWindowSize(ImVec2(def.w, def.h), ImGuiCond_Always);
    } else {
      ImGui::SetNextWindowPos(ImVec2(def.x, def.y), ImGuiCond_FirstUseEver);
      ImGui::SetNextWindowSize(ImVec2(def.w, def.h), ImGuiCond_FirstUseEver);
    }
    if (ws.focus_request[i]) {
      ImGui::SetNextWindowFocus();
      ws.focus_request[i] = false;
    }
    const std::string title = std::string(WindowTitle(id)) + "###" + WindowKey(id);
    bool open = true;
    const bool visible = ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse);
    if (resized && !ws.reset) {
      // Keep the reader's arrangement through a browser resize: scale it with the viewport.
      const ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
      const float sx = display.x / ws.last_w, sy = display.y / ws.last_h;
      ImGui::SetWindowPos(ImVec2(pos.x + (p.x - pos.x) * sx, pos.y + (p.y - pos.y) * sy));
      ImGui::SetWindowSize(ImVec2(std::max(160.0f, s.x * sx), std::max(120.0f, s.y * sy)));
    }
    {
      const ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
      app.targets.push_back({std::string("window.") + WindowKey(id), p.x, p.y, s.x, s.y});
    }
    if (visible) animating |= DrawContents(app, id);
    ImGui::End();
    if (!open) {
      ws.open[i] = false;
      SaveSettings(app);
    }
  }
  if (!ws.open[0] && !ws.open[1] && !ws.open[2]) {
    ImGui::SetNextWindowPos(ImVec2(pos.x + size.x * 0.5f, pos.y + size.y * 0.4f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::Begin("##all-closed", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                              ImGuiWindowFlags_NoSavedSettings);
    ImGui::TextUnformatted("All windows are closed.");
    if (ImGui::Button("Open the article")) ShowWindow(app, WindowId::Article);
    ImGui::End();
  }
  ws.reset = false;
  return animating;
}

bool DrawTabs(AppState& app, ImVec2 pos, ImVec2 size) {
  WindowSet& ws = app.windows;
  bool animating = false;
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  ImGui::Begin("##tabs-host", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PopStyleVar(2);
  if (ImGui::BeginTabBar("##tabs", ImGuiTabBarFlags_FittingPolicyShrink)) {
    // A request made while drawing a tab's contents (a tapped quote shows the article) is for
    // the next frame, so take this frame's request before drawing any contents.
    const bool request = ws.tab_request;
    ws.tab_request = false;
    for (int i = 0; i < kWindowCount; ++i) {
      const WindowId id = WindowId(i);
      ImGuiTabItemFlags flags = 0;
      if (request && ws.tab == id) flags |= ImGuiTabItemFlags_SetSelected;
      const char* label = id == WindowId::Map ? "Entities" : id == WindowId::Quotes ? "Quotes" : "Article";
      const bool selected = ImGui::BeginTabItem(label, nullptr, flags);
      RecordTarget(app, std::string("tab.") + WindowKey(id));
      if (selected) {
        if (!request && !ws.tab_request) ws.tab = id;
        animating |= DrawContents(app, id);
        ImGui::EndTabItem();
      }
    }
    if (ws.tab_request) platform::RequestFrames(0.1);
    ImGui::EndTabBar();
  }
  ImGui::End();
  return animating;
}

}  // namespace

bool DrawWindows(AppState& app) {
  WindowSet& ws = app.windows;
  ImGuiIO& io = ImGui::GetIO();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ws.tabs_mode = vp->Size.x < kTabsBelowWidth;
  // The area under the main menu bar. ImGui's WorkPos/WorkSize account for the menu bar only
  // from the second frame on; the first frame places windows too, so work it out here.
  const float menu_h = ImGui::GetFrameHeight();
  const ImVec2 pos(vp->Pos.x, vp->Pos.y + menu_h), size(vp->Size.x, vp->Size.y - menu_h);
  const bool animating = ws.tabs_mode ? DrawTabs(app, pos, size) : DrawColumns(app, pos, size);
  ws.last_w = vp->Size.x;
  ws.last_h = vp->Size.y;
  // ImGui saves a changed arrangement after io.IniSavingRate seconds of frames; the loop sleeps
  // when idle, so keep it awake until the save has happened.
  if (ImGui::GetCurrentContext()->SettingsDirtyTimer > 0.0f) platform::RequestFrames(io.IniSavingRate + 0.05);
  if (io.WantSaveIniSettings) {
    // Positions and sizes; the app state decides which windows are open.
    StoreSetting(app, "windows.ini", ImGui::SaveIniSettingsToMemory());
    io.WantSaveIniSettings = false;
  }
  return animating;
}

void LoadWindowArrangement(AppState& app) {
  ImGui::GetIO().IniSavingRate = 0.3f;  // a moved window is kept even if the tab closes soon after
  // ImGui reads only what its own writer could have written: storage may hold anything.
  int dropped = 0;
  const std::string ini = lectern::CleanWindowIni(platform::LoadSetting("windows.ini"), &dropped);
  if (dropped > 0)
    AddNotice(app, "Part of the saved window arrangement could not be read; those windows are back in their usual place.", 12);
  if (!ini.empty()) ImGui::LoadIniSettingsFromMemory(ini.c_str(), ini.size());
}

void DrawWindowsMenu(AppState& app) {
  WindowSet& ws = app.windows;
  for (int i = 0; i < kWindowCount; ++i) {
    const WindowId id = WindowId(i);
    const bool was_open = ws.open[i];
    if (ImGui::MenuItem(WindowTitle(id), nullptr, was_open)) {
      if (ws.tabs_mode || !was_open) {
        ShowWindow(app, id);
      } else {
        ws.open[i] = false;
        SaveSettings(app);
      }
    }
    RecordTarget(app, std::string("menu.windows.") + WindowKey(id));
  }
  ImGui::Separator();
  if (ImGui::MenuItem("Reset layout")) {
    for (bool& o : ws.open) o = true;
    ws.reset = true;
    SaveSettings(app);
  }
  RecordTarget(app, "menu.windows.reset");
}

void SameLineIfFits(float width, float spacing) {
  // After an item the cursor is at the start of the next line: the line's right edge is there
  // plus what is left of the content region.
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  if (ImGui::GetItemRectMax().x + spacing + width <= right) ImGui::SameLine(0, spacing);
}
