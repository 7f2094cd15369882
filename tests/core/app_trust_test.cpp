// tests/core/app_trust_test.cpp — the app (web and kiosk) sends personal
// fields only sealed to a server that offers sealing, pins its key on first
// use, and refuses — with the form intact on the review page — a changed
// key, an uncertified sealing key, a server that stops sealing after its key
// was pinned, and an unreadable pin store. A concern filed before the
// server's capabilities were known is stored, and sealed before it is sent.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/app/update.hpp"
#include "core/crypto/encoding.hpp"
#include "core/crypto/sealed.hpp"
#include "core/crypto/server_keys.hpp"
#include "core/i18n/messages.hpp"

using namespace civic;
using namespace civic::app;

namespace {

constexpr std::int64_t kT0 = 1795760284000;
const char* kBase = "http://hotline.example:8080/open311/v2/";
const char* kOrigin = "http://hotline.example:8080";
const char* kServices = R"([{"service_code":"n1","service_name":"夜间噪音","group":"噪音"}])";
const char* kPhone = "13800138000";
const char* kName = "张三丰";

std::string b64(const auto& bytes) { return crypto::to_base64(crypto::ByteView(bytes.data(), bytes.size())); }

struct Keys {
  crypto::SigningKeyPair signing = crypto::make_signing_keypair();
  crypto::SealingKeyPair sealing = crypto::make_sealing_keypair();
  // The capabilities document a Civic server publishes; `certified` false:
  // the certificate is made by another key.
  std::string caps(bool certified = true) const {
    crypto::SigningKeyPair impostor = crypto::make_signing_keypair();
    auto cert = crypto::certify_sealing_key(certified ? signing : impostor, sealing.public_key);
    nlohmann::json j = {{"extensions",
                         {{"receipts", {{"public_key", b64(signing.public_key)}}},
                          {"sealed_personal", {{"public_key", b64(sealing.public_key)}, {"certificate", b64(cert)}}}}}};
    return j.dump();
  }
};

std::string pins_for(const Keys& k) {
  crypto::PinStore store;
  REQUIRE(crypto::check_pin(store, kOrigin, k.signing.public_key, "2026-11-01T00:00:00Z"));
  return crypto::pin_store_to_json(store);
}

// The app with a shell that answers what core asks, as the test says.
struct App {
  State s;
  std::vector<HttpRequest> out;       // requests not answered yet
  std::vector<OutboxSave> saves;
  std::vector<TrustSave> trust_saves;
  std::vector<HttpRequest> posts;     // POST requests.json as sent

  void carry(std::vector<Effect> fx) {
    for (auto& f : fx) {
      if (auto* r = std::get_if<HttpRequest>(&f)) {
        if (r->method == "POST") posts.push_back(*r);
        out.push_back(*r);
      } else if (auto* save = std::get_if<OutboxSave>(&f)) {
        saves.push_back(*save);
      } else if (auto* t = std::get_if<TrustSave>(&f)) {
        trust_saves.push_back(*t);
      }
    }
  }
  void on(const Event& e) { carry(update(s, e, kT0)); }
  // Answers the oldest request whose URL contains `part`.
  void answer(const std::string& part, int status, std::string body = {}) {
    for (size_t i = 0; i < out.size(); ++i)
      if (out[i].url.find(part) != std::string::npos) {
        HttpRequest r = out[i];
        out.erase(out.begin() + static_cast<long>(i));
        on(HttpDone{r.request_id, status, std::move(body), status == 0 ? "refused" : ""});
        return;
      }
    FAIL("no request for " << part);
  }
  bool asked(const std::string& part) const {
    for (const auto& r : out)
      if (r.url.find(part) != std::string::npos) return true;
    return false;
  }
  // Confirms every pending outbox save (the disk kept it).
  void saved() {
    while (!saves.empty()) {
      OutboxSave sv = saves.front();
      saves.erase(saves.begin());
      on(OutboxSaved{sv.save_id, true, ""});
    }
  }
  void fill_and_review() {
    on(ServiceChosen{"n1"});
    auto set = [&](const char* field, const char* text) {
      forms::FieldValue v;
      v.text = text;
      on(FieldEdited{field, v});
    };
    set("description", "工地每晚打桩到凌晨两点");
    set("first_name", kName);
    set("phone", kPhone);
    forms::FieldValue loc;
    loc.location.address = "科技园路 1 号";
    on(FieldEdited{"location", loc});
    on(ReviewPressed{});
    REQUIRE(s.screen == Screen::review);
  }
};

App started(const std::string& pins_json = {}, const std::string& caps_cache = {},
            const std::string& pins_unreadable = {}) {
  App a;
  Started st{kBase, Lang::zh_CN};
  st.pins_json = pins_json;
  st.pins_unreadable = pins_unreadable;
  st.capabilities_json = caps_cache;
  a.on(st);
  a.answer("services.json", 200, kServices);
  return a;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// What a network observer of the POST body and a reader of the stored
// record could learn.
void check_no_clear_personal(const std::string& bytes) {
  CHECK_FALSE(contains(bytes, kPhone));
  CHECK_FALSE(contains(bytes, api::form_encode({{"x", kName}}).substr(2)));   // percent-encoded
  CHECK_FALSE(contains(bytes, kName));
}

std::string sealed_value(const std::string& body) {
  bool ok = false;
  auto params = api::form_decode(body, &ok);
  REQUIRE(ok);
  for (const auto& [k, v] : params)
    if (k == "sealed_personal") return v;
  return {};
}

}  // namespace

TEST_CASE("trust: a sealing server gets the personal fields only sealed, and its key is pinned") {
  Keys k;
  App a = started();
  a.answer("civic/capabilities.json", 200, k.caps());
  REQUIRE(a.trust_saves.size() == 1);   // the capabilities document, kept for an offline start
  a.fill_and_review();
  a.on(SubmitPressed{});
  REQUIRE(a.saves.size() == 1);
  check_no_clear_personal(a.saves[0].bytes);   // not even the local record holds them in the clear
  // First use: the signing key is pinned and handed to the shell to keep.
  REQUIRE(a.trust_saves.size() == 2);
  auto pins = crypto::pin_store_from_json(a.trust_saves.back().pins_json);
  REQUIRE(pins);
  const crypto::PinnedKey* pin = crypto::find_pin(*pins, kOrigin);
  REQUIRE(pin);
  CHECK(pin->public_key == k.signing.public_key);
  a.saved();
  REQUIRE(a.posts.size() == 1);
  check_no_clear_personal(a.posts[0].body);
  auto opened = crypto::open_personal(sealed_value(a.posts[0].body), k.sealing);
  REQUIRE(opened);
  CHECK(opened->phone == kPhone);
  CHECK(opened->name == kName);
  CHECK(contains(a.posts[0].body, "description="));   // the concern itself is not personal
}

TEST_CASE("trust: refusals keep the resident on the review page with everything entered") {
  Keys k, other;
  struct Row {
    const char* name;
    std::string pins;        // Started::pins_json
    std::string unreadable;  // Started::pins_unreadable
    int status;              // the capabilities reply
    std::string caps;
    const char* error;
  };
  const Row rows[] = {
      {"the server's signing key changed", pins_for(other), "", 200, k.caps(), "crypto.key_changed"},
      {"the sealing key is not certified by the signing key", "", "", 200, k.caps(false), "crypto.sealing_key_unsigned"},
      {"a pinned server stops offering sealing (downgrade)", pins_for(k), "", 404, "", "crypto.sealing_withdrawn"},
      {"a pinned server answers without the sealing key", pins_for(k), "", 200, R"({"extensions":{}})",
       "crypto.sealing_withdrawn"},
      {"the pin store cannot be read", R"({"civic_pins":1,"pins":[{"server":1}]})", "", 200, k.caps(),
       "crypto.pins_unreadable"},
      {"the pin file is there but the shell cannot read it", "", "/data/pins.json: Is a directory", 200, k.caps(),
       "crypto.pins_unreadable"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      App a = started(r.pins, {}, r.unreadable);
      a.answer("civic/capabilities.json", r.status, r.caps);
      a.fill_and_review();
      auto before = a.s.draft.form;
      a.on(SubmitPressed{});
      CHECK(a.saves.empty());
      CHECK(a.posts.empty());
      CHECK(a.s.screen == Screen::review);
      REQUIRE(a.s.draft.submit_error);
      CHECK(a.s.draft.submit_error->id == r.error);
      CHECK(a.s.draft.form.fields.size() == before.fields.size());
      for (size_t i = 0; i < before.fields.size(); ++i)
        CHECK(a.s.draft.form.fields[i].value.text == before.fields[i].value.text);
      // The pins are never replaced by what the server offers, and an
      // unreadable store is never overwritten.
      for (const auto& t : a.trust_saves)
        if (!r.pins.empty() || !r.unreadable.empty()) CHECK((t.pins_json.empty() || t.pins_json == r.pins));
      for (Lang l : {Lang::zh_CN, Lang::en})   // in the catalogue, both languages
        CHECK(format(l, r.error, a.s.draft.submit_error->params) != r.error);
    }
  }
}

TEST_CASE("trust: a plain GeoReport v2 server gets the fields as Open311 defines them") {
  App a = started();
  a.answer("civic/capabilities.json", 404, R"([{"code":404,"description":"not found"}])");
  a.fill_and_review();
  a.on(SubmitPressed{});
  a.saved();
  REQUIRE(a.posts.size() == 1);
  CHECK(contains(a.posts[0].body, std::string("phone=") + kPhone));
  CHECK(sealed_value(a.posts[0].body).empty());
}

TEST_CASE("trust: a concern filed before the server is known is sealed before it leaves") {
  Keys k;
  App a = started();
  a.answer("civic/capabilities.json", 0);   // offline at start, nothing cached
  CHECK_FALSE(a.s.trust.known);
  a.fill_and_review();
  a.on(SubmitPressed{});
  a.saved();
  CHECK(a.s.screen == Screen::receipt);      // kept at once: the ticket is shown as waiting
  CHECK(a.posts.empty());                    // never sent while sealing is unknown
  CHECK_FALSE(a.asked("civic/capabilities.json"));   // waits for its back-off, not a busy loop
  a.on(NetworkOnline{});
  REQUIRE(a.asked("civic/capabilities.json"));
  a.answer("civic/capabilities.json", 200, k.caps());
  a.saved();                                 // the sealed record is stored before the POST
  REQUIRE(a.posts.size() == 1);
  check_no_clear_personal(a.posts[0].body);
  CHECK(crypto::open_personal(sealed_value(a.posts[0].body), k.sealing));
}

TEST_CASE("trust: an offline start seals with the capabilities the shell kept") {
  Keys k;
  App a = started(pins_for(k), k.caps());
  a.answer("civic/capabilities.json", 0);
  CHECK(a.s.trust.known);
  a.fill_and_review();
  a.on(SubmitPressed{});
  REQUIRE(a.saves.size() == 1);
  check_no_clear_personal(a.saves[0].bytes);
  a.saved();
  REQUIRE(a.posts.size() == 1);
  CHECK(crypto::open_personal(sealed_value(a.posts[0].body), k.sealing));
}

TEST_CASE("trust: a stored entry whose key changed meanwhile goes back to the resident") {
  Keys k, other;
  App a = started(pins_for(k));
  a.answer("civic/capabilities.json", 0);   // unknown: stored unsealed (locally), waiting
  a.fill_and_review();
  a.on(SubmitPressed{});
  a.saved();
  a.on(HomePressed{});
  a.on(NetworkOnline{});
  a.answer("civic/capabilities.json", 200, other.caps());   // another key than the pinned one
  a.saved();
  CHECK(a.posts.empty());
  CHECK(a.s.screen == Screen::home);
  REQUIRE(a.s.draft.submit_error);
  CHECK(a.s.draft.submit_error->id == "crypto.key_changed");
  int phone = forms::field_index(a.s.draft.schema, "phone");
  REQUIRE(phone >= 0);
  CHECK(a.s.draft.form.fields[static_cast<size_t>(phone)].value.text == kPhone);
}

TEST_CASE("trust: merge_pins adds, never replaces") {
  Keys k, other, third;
  crypto::PinStore file, mine;
  REQUIRE(crypto::check_pin(file, kOrigin, k.signing.public_key, "2026-11-01T00:00:00Z"));
  REQUIRE(crypto::check_pin(mine, kOrigin, other.signing.public_key, "2026-11-02T00:00:00Z"));
  REQUIRE(crypto::check_pin(mine, "https://b.example", third.signing.public_key, "2026-11-02T00:00:00Z"));
  CHECK(crypto::merge_pins(file, mine) == 1);
  CHECK(crypto::find_pin(file, kOrigin)->public_key == k.signing.public_key);
  CHECK(crypto::find_pin(file, "https://b.example")->public_key == third.signing.public_key);
}
