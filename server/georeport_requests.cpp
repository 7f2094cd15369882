// server/georeport_requests.cpp — GeoReport v2 service requests:
//   POST /open311/v2/requests.json          file a concern (form-urlencoded)
//        Idempotency-Key: K                 (Civic) same key + same body → same ticket
//   GET  /open311/v2/requests.json          ?service_request_id=a,b&service_code=&status=&start_date=&end_date=
//                                           (Civic nearby) &lat=&long=&radius=  (server/nearby.hpp)
//   GET  /open311/v2/requests/{id}.json
//   GET  /open311/v2/tokens/{token}.json
// The POST answer carries the Civic receipt (core/crypto/receipt.hpp),
// signed with the server's Ed25519 key.
#include "core/crypto/hash.hpp"
#include "core/crypto/receipt.hpp"
#include "core/i18n/messages.hpp"
#include "server/nearby.hpp"
#include "server/router.hpp"
#include "server/signin.hpp"
#include "server/submission.hpp"
#include "server/ticket_json.hpp"
#include "server/util.hpp"

namespace civic::server {

namespace {

constexpr size_t kMaxIds = 200;          // ids per GET /requests.json
constexpr size_t kMaxResults = 1000;     // GeoReport v2: "at most 1000 requests"
constexpr int64_t kDefaultWindow = 90 * 86400;

bool valid_idempotency_key(const std::string& k) {
  if (k.empty() || k.size() > 255) return false;
  for (unsigned char c : k)
    if (c < 0x21 || c > 0x7e) return false;
  return true;
}

// core/crypto's receipt JSON text, "" when it cannot be signed.
std::string receipt_for(const Context& ctx, const HttpRequest& req, const Ticket& t) {
  crypto::ReceiptFacts facts;
  facts.issuer = origin_of(req, ctx.options);
  facts.ticket_id = t.id;
  facts.service_code = t.service_code;
  facts.issued_at = iso8601(t.requested_at);
  facts.content_hash = crypto::concern_hash(t.service_code, t.description, {});
  auto r = crypto::sign_receipt(facts, ctx.keys.sign);
  if (!r) return {};
  return crypto::receipt_to_json(r.value());
}

HttpResponse submit(Context& ctx, const HttpRequest& req, const Captures&) {
  std::string key = req.header("idempotency-key");
  if (req.headers.count("idempotency-key") && !valid_idempotency_key(key))
    return error_response(req, 400, "server.bad_idempotency_key");
  // A resident's bearer token files under their account; without one the
  // concern is anonymous to the account system (as plain GeoReport v2).
  FilingAccount account = filing_account(ctx, req);
  if (account.refused) return *account.refused;
  ParsedSubmission p = parse_submission(ctx, req);
  if (!p.errors.empty()) {
    json body = json::array();
    Lang lang = req.lang();
    for (const auto& e : p.errors) {
      json item = {{"code", p.status},
                   {"description", format(lang, e.message_id, e.params)},
                   {"message_id", e.message_id}};
      if (!e.field.empty()) item["field"] = e.field;
      if (!e.params.empty()) item["params"] = e.params;
      body.push_back(item);
    }
    return json_response(body, p.status);
  }
  // account_id is the server's to set: a form may only repeat the signed-in one.
  if (!p.ticket.account_id.empty() && p.ticket.account_id != account.account_id)
    return error_response(req, 403, "signin.account_mismatch");
  p.ticket.account_id = account.account_id;
  // The body alone keys a replay: a retry whose token lapsed meanwhile gets
  // the ticket the first attempt made (already under the account).
  CreateOutcome c = create_ticket(*ctx.db, *p.service, std::move(p.ticket), key, sha256_hex(req.body));
  if (c.kind == CreateOutcome::conflict) return error_response(req, 422, "server.idempotency_conflict");
  if (c.kind == CreateOutcome::failed) return error_response(req, 500, "server.internal");
  const Ticket& t = c.ticket;
  Lang lang = req.lang();
  const Text* dept = ctx.catalogue.department(t.department);
  const CatalogueService* svc = ctx.catalogue.find(t.service_code);
  std::string notice = format(lang, "server.notice",
                              {{"department", dept ? dept->in(lang) : t.department},
                               {"hours", std::to_string(svc ? svc->sla_hours : 0)}});
  HttpResponse r;
  r.status = c.kind == CreateOutcome::created ? 201 : 200;
  r.body = submission_answer_text(t, notice, receipt_for(ctx, req, t));
  r.set_header("Location", endpoint_base(req, ctx.options) + "requests/" + t.id + ".json");
  if (c.kind == CreateOutcome::replayed) r.set_header("Idempotent-Replayed", "true");
  return r;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t comma = s.find(',', pos);
    if (comma == std::string::npos) comma = s.size();
    std::string item = s.substr(pos, comma - pos);
    while (!item.empty() && item.front() == ' ') item.erase(0, 1);
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) out.push_back(item);
    pos = comma + 1;
  }
  return out;
}

HttpResponse list(Context& ctx, const HttpRequest& req, const Captures&) {
  TicketFilter f;
  f.limit = kMaxResults;
  f.ids = split_list(req.query_value("service_request_id"));
  if (f.ids.size() > kMaxIds) return error_response(req, 400, "server.too_many_ids", {{"max", std::to_string(kMaxIds)}});
  f.service_codes = split_list(req.query_value("service_code"));
  if (f.service_codes.size() > kMaxIds)
    return error_response(req, 400, "server.too_many_ids", {{"max", std::to_string(kMaxIds)}});
  std::string status = req.query_value("status");
  if (!status.empty()) {
    auto parts = split_list(status);
    bool open = false, closed = false;
    for (const auto& p : parts) {
      if (p == "open") open = true;
      else if (p == "closed") closed = true;
      else return error_response(req, 400, "server.bad_status_filter");
    }
    if (open != closed) f.closed = closed;
  }
  for (const char* name : {"start_date", "end_date"}) {
    std::string v = req.query_value(name);
    if (v.empty()) continue;
    auto t = parse_iso8601(v);
    if (!t) return error_response(req, 400, "server.bad_date", {{"field", name}});
    (name[0] == 's' ? f.from : f.to) = *t;
  }
  std::optional<HttpResponse> bad;
  std::optional<NearQuery> near = read_near_query(req, &bad);
  if (bad) return *bad;
  if (near) narrow_to_box(*near, f);
  // GeoReport v2: without ids or dates, the last 90 days.
  if (f.ids.empty() && !f.from && !f.to) f.from = now_seconds() - kDefaultWindow;
  f.with_personal = false;  // public answers (ticket_json.hpp)
  int64_t now = now_seconds();
  Lang lang = req.lang();
  std::vector<Ticket> found = list_tickets(*ctx.db, f);
  if (near) keep_within(*near, found);
  HttpResponse r;
  r.body.reserve(64 + 1200 * found.size());
  r.body += '[';
  for (size_t i = 0; i < found.size(); ++i) {
    if (i) r.body += ',';
    append_ticket_json(r.body, found[i], ctx.catalogue, lang, now);
  }
  r.body += ']';
  return r;
}

HttpResponse one(Context& ctx, const HttpRequest& req, const Captures& caps) {
  auto t = get_ticket(*ctx.db, caps[0], /*with_personal=*/false);
  if (!t) return error_response(req, 404, "server.not_found", {{"what", caps[0]}});
  HttpResponse r;
  r.body += '[';
  append_ticket_json(r.body, *t, ctx.catalogue, req.lang(), now_seconds());
  r.body += ']';
  return r;
}

HttpResponse token(Context& ctx, const HttpRequest& req, const Captures& caps) {
  auto id = ticket_id_for_token(*ctx.db, caps[0]);
  if (!id) return error_response(req, 404, "server.bad_token");
  return json_response(json::array({{{"service_request_id", *id}, {"token", caps[0]}}}));
}

}  // namespace

void add_request_routes(Router& r) {
  r.add("POST", "/open311/v2/requests.json", submit);
  r.add("GET", "/open311/v2/requests.json", list);
  r.add("GET", "/open311/v2/requests/{}.json", one);
  r.add("GET", "/open311/v2/tokens/{}.json", token);
}

}  // namespace civic::server
