// main.cpp — Lectern's entry point: build the app state, hand the frame function to the platform.
#include "app.h"
#include "app_link.h"
#include "platform.h"

namespace {
AppState g_app;  // lives for the whole page; the platform's loop calls back into it
}

int main() {
  platform::App hooks;
  hooks.init = [] {
    InitApp(g_app);
    LoadLibrary(g_app, "/seeds");
    if (!g_app.library.empty()) OpenArticle(g_app, 0);
    ApplyLink(g_app, platform::UrlHash());  // a shared link reopens exactly that view
  };
  hooks.hash_changed = [](std::string_view hash) { ApplyLink(g_app, hash); };
  hooks.frame = [](const platform::FrameInfo& f) { return DrawApp(g_app, f); };
  hooks.state_json = [] { return StateJson(g_app); };
  return platform::Run("Lectern", hooks);
}
