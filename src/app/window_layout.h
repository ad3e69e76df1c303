// window_layout.h — how the three windows share the screen: side by side on a wide screen,
// one at a time with tabs on a narrow one; moved, resized, closed and reopened by the reader,
// and the arrangement kept across reloads.
//
//   bool animating = DrawWindows(app);   // every frame, after the menu bar
//   DrawWindowsMenu(app);                // inside the menu bar: toggles and "Reset layout"
#pragma once

#include <string>

struct AppState;

enum class WindowId : int { Article = 0, Map = 1, Quotes = 2 };
constexpr int kWindowCount = 3;
const char* WindowKey(WindowId w);     // "article", "map", "quotes" (links, state query)
const char* WindowTitle(WindowId w);   // "Article", "Entity map", "Quote explorer"

struct WindowSet {
  bool open[kWindowCount] = {true, true, true};
  WindowId tab = WindowId::Article;    // the visible tab in narrow (tabs) mode
  bool tab_request = false;            // select `tab` in the tab bar on the next frame
  bool tabs_mode = false;              // derived each frame from the viewport width
  bool reset = false;                  // put the windows back to the default arrangement
  bool focus_request[kWindowCount] = {false, false, false};
  float last_w = 0, last_h = 0;        // viewport size of the previous frame (to scale on resize)
};

constexpr float kTabsBelowWidth = 800.0f;    // CSS px: narrower screens get tabs
constexpr float kThreeColumnsWidth = 1200.0f;

// Reads the saved positions and sizes; call once after ImGui exists, before the first frame.
void LoadWindowArrangement(AppState& app);
bool DrawWindows(AppState& app);
void DrawWindowsMenu(AppState& app);

// Brings a window forward: in tabs mode it switches the tab, otherwise it opens and focuses it.
void ShowWindow(AppState& app, WindowId w);

// Saved as part of the settings ("amq" letters for the open windows).
std::string OpenWindowsString(const WindowSet& ws);
void ParseOpenWindows(WindowSet& ws, const std::string& s);

// Flow layout inside a window: puts the next item, `width` px wide, on the same line as the
// last one when it fits there (after `spacing` px), else leaves it to start the next line.
void SameLineIfFits(float width, float spacing);
