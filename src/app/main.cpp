// main.cpp — Lectern's entry point: build the app state, hand the frame function to the platform.
#include "app.h"
#include "accessible_mirror.h"
#include "app_link.h"
#include "own_articles.h"
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
    // The reader's own articles come from IndexedDB a moment later; a link to one waits for them.
    LoadOwnArticles(g_app, [] {
      if (g_app.link_waiting_for_library.empty()) return;
      const std::string link = std::move(g_app.link_waiting_for_library);
      g_app.link_waiting_for_library.clear();
      ApplyLink(g_app, link);
    });
  };
  hooks.hash_changed = [](std::string_view hash) { ApplyLink(g_app, hash); };
  hooks.frame = [](const platform::FrameInfo& f) { return DrawApp(g_app, f); };
  hooks.state_json = [] { return StateJson(g_app); };
  hooks.text_received = [](platform::IncomingText in) { ReceiveText(g_app, std::move(in)); };
  hooks.accessible_select = [](int kind, int index) { SelectFromMirror(g_app, kind, index); };
  return platform::Run("Lectern", hooks);
}
