// tests/server_unit/ticket_json_test.cpp — append_ticket_json() and
// submission_answer_text() write the public GeoReport ticket and the POST
// answer straight to text; every row checks that their bytes are the json
// path's dump() exactly (the contract tests and every client read that form).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/crypto/hash.hpp"
#include "core/crypto/receipt.hpp"
#include "server/json_text.hpp"
#include "server/ticket_json.hpp"
#include "server/util.hpp"

using namespace civic;
using namespace civic::server;

namespace {

Catalogue catalogue() {
  Catalogue c;
  CatalogueService s;
  s.code = "streetlight-out";
  s.department = "urban";
  s.name = Text{"路灯不亮", "Street light out"};
  c.services.push_back(s);
  c.departments["urban"] = Text{"城市管理局", "Urban Management"};
  return c;
}

Ticket base() {
  Ticket t;
  t.id = "2026-000042";
  t.token = "tok";
  t.service_code = "streetlight-out";
  t.status = "submitted";
  t.department = "urban";
  t.description = "小区东门路灯连续三晚不亮";
  t.requested_at = 1795000000;
  t.updated_at = 1795000100;
  t.sla_deadline = 1795086400;
  t.phone = "13800138000";  // never in a public answer
  return t;
}

struct Row {
  const char* name;
  void (*change)(Ticket&);
};

const Row kRows[] = {
    {"a fresh ticket", [](Ticket&) {}},
    {"location, address and one photo",
     [](Ticket& t) {
       t.lat = 22.5431;
       t.lon = 114.0579;
       t.address = "深圳市福田区 \"东门\"";
       t.address_id = "p-1";
       t.zipcode = "518000";
       t.media_url = "https://example.org/a.jpg";
     }},
    {"whole-number and tiny coordinates", [](Ticket& t) { t.lat = 22.0; t.lon = -1e-7; }},
    {"several photos and stray spaces", [](Ticket& t) { t.media_url = "https://e.org/1.jpg  https://e.org/2.jpg "; }},
    {"quotes, backslashes and every control character",
     [](Ticket& t) {
       std::string s = "a\"b\\c/d";
       for (char c = 1; c < 0x20; ++c) s += c;
       s += '\x7f';
       t.description = s;
       t.status_note = "line1\nline2\ttab\r";
     }},
    {"4-byte UTF-8 (emoji) and U+2028", [](Ticket& t) { t.description = "路灯 \xF0\x9F\x92\xA1 \xE2\x80\xA8 ok"; }},
    {"invalid UTF-8 takes the json path", [](Ticket& t) { t.description = "bad \xC3\x28 and \xED\xA0\x80 here"; }},
    {"closed, rated, reopened before, overdue",
     [](Ticket& t) {
       t.status = "resolved";
       t.status_note = "已更换灯泡";
       t.closed_at = 1795990000;
       t.rating = 4;
       t.reopen_count = 2;
     }},
    {"unknown service, department and status",
     [](Ticket& t) {
       t.service_code = "gone";
       t.department = "nowhere";
       t.status = "mystery";
     }},
};

}  // namespace

TEST_CASE("append_ticket_json writes exactly what dump(ticket_json()) writes") {
  const Catalogue c = catalogue();
  for (const Row& row : kRows) {
    SUBCASE(row.name) {
      Ticket t = base();
      row.change(t);
      for (Lang lang : {Lang::zh_CN, Lang::en}) {
        for (int64_t now : {int64_t{1795000200}, int64_t{1799000000}}) {
          std::string direct;
          append_ticket_json(direct, t, c, lang, now);
          CHECK(direct == dump(ticket_json(t, c, lang, now)));
          CHECK(direct.find("13800138000") == std::string::npos);
        }
      }
    }
  }
}

TEST_CASE("submission_answer_text writes exactly what dump(submission_answer()) writes") {
  // A real receipt, as the route gets it from core/crypto.
  crypto::ReceiptFacts facts;
  facts.issuer = "http://127.0.0.1:8080";
  facts.ticket_id = "2026-000042";
  facts.service_code = "streetlight-out \"x\" \\ y";
  facts.issued_at = "2026-11-27T06:30:00Z";
  facts.content_hash = crypto::concern_hash(facts.service_code, "路灯不亮", {});
  auto signed_receipt = crypto::sign_receipt(facts, crypto::make_signing_keypair());
  REQUIRE(signed_receipt.ok());
  const std::string receipt = crypto::receipt_to_json(signed_receipt.value());
  struct AnswerRow {
    const char* name;
    std::string account, notice, receipt;
  };
  const AnswerRow rows[] = {
      {"anonymous, with a receipt", "", "由城市管理局处理，24 小时内答复", receipt},
      {"signed in", "acct-7", "Handled by Urban Management within 24 hours", receipt},
      {"no receipt could be signed", "", "notice", ""},
      {"a receipt that is not JSON", "", "notice", "not json"},
      {"invalid UTF-8 in the notice", "", "bad \xC3\x28", receipt},
  };
  for (const AnswerRow& row : rows) {
    SUBCASE(row.name) {
      Ticket t = base();
      t.account_id = row.account;
      CHECK(submission_answer_text(t, row.notice, row.receipt) == dump(submission_answer(t, row.notice, row.receipt)));
    }
  }
}

TEST_CASE("compact_json is nlohmann's compact form of its pretty form") {
  const char* docs[] = {"{}", "[]", "{\"a\":[1,2,{\"b\":\"c d\\te\"}],\"e\":null}", "\"\\\\\\\" x \"",
                        "{\"k\":\"\xE8\xB7\xAF \xE7\x81\xAF\",\"n\":-1.5e-07}"};
  for (const char* doc : docs) {
    SUBCASE(doc) {
      json j = json::parse(doc, nullptr, false);
      REQUIRE_FALSE(j.is_discarded());
      CHECK(compact_json(j.dump(2) + "\n") == j.dump());
    }
  }
  SUBCASE("an unterminated string gives nothing") { CHECK(compact_json("{\"a\": \"b") == ""); }
}
