// server/security_staff.cpp — who may read residents' personal details.
//   GET  /open311/v2/civic/staff/requests/{id}/personal.json
//        a ticket's name, phone and email, for staff of the ticket's own
//        department (or an all-departments token); another department's
//        token gets 403. Every attempt, allowed or denied, is audited.
//   POST /open311/v2/civic/staff/tokens.json     department=D [label=L]
//        issues a token for one department (all-departments tokens only);
//        only its hash is stored, the token is shown once.
//   GET  /open311/v2/civic/staff/audit.json      ?after=N&service_request_id=ID
//        the access log (all-departments tokens only).
// Authorization: Bearer TOKEN (server/staff_tokens.hpp).
#include "server/form_fields.hpp"
#include "server/security_audit.hpp"
#include "server/security_routes.hpp"
#include "server/staff_tokens.hpp"
#include "server/tickets.hpp"
#include "server/util.hpp"

namespace civic::server {

namespace {

constexpr size_t kMaxAuditRows = 1000;

struct Staff {
  std::string department;
  std::string fingerprint;
};

std::optional<Staff> staff_of(Context& ctx, const HttpRequest& req) {
  std::string auth = req.header("authorization");
  if (auth.rfind("Bearer ", 0) != 0) return std::nullopt;
  std::string token = auth.substr(7);
  auto dept = staff_department(*ctx.db, token);
  if (!dept) return std::nullopt;
  return Staff{*dept, token_fingerprint(token)};
}

HttpResponse unauthorized(const HttpRequest& req) {
  HttpResponse r = error_response(req, 401, "server.staff_unauthorized");
  r.set_header("WWW-Authenticate", "Bearer realm=\"civic-staff\"");
  return r;
}

HttpResponse personal(Context& ctx, const HttpRequest& req, const Captures& caps) {
  auto staff = staff_of(ctx, req);
  if (!staff) return unauthorized(req);
  auto t = get_ticket(*ctx.db, caps[0]);
  if (!t) return error_response(req, 404, "server.not_found", {{"what", caps[0]}});
  AuditEntry e;
  e.actor_department = staff->department;
  e.actor_token = staff->fingerprint;
  e.action = "personal.read";
  e.request_id = t->id;
  e.ticket_department = t->department;
  e.remote_addr = req.remote_addr;
  const bool allowed = staff->department == "*" || staff->department == t->department;
  e.outcome = allowed ? "allowed" : "denied";
  if (!audit(*ctx.db, e)) return error_response(req, 500, "server.internal");  // no log, no read
  if (!allowed) return error_response(req, 403, "security.forbidden_department", {{"department", t->department}});
  json body = {{"service_request_id", t->id},
               {"department", t->department},
               {"first_name", t->first_name},
               {"last_name", t->last_name},
               {"phone", t->phone},
               {"email", t->email}};
  return json_response(body);  // the transport adds Cache-Control: no-store to every API answer
}

HttpResponse issue_token(Context& ctx, const HttpRequest& req, const Captures&) {
  auto staff = staff_of(ctx, req);
  if (!staff) return unauthorized(req);
  if (staff->department != "*") return error_response(req, 403, "security.admin_only");
  SimpleForm f = read_simple_form(req, {{"department", 64}, {"label", 100}});
  if (f.error) return *f.error;
  const std::string dept = f.get("department");
  if (dept != "*" && !ctx.catalogue.department(dept))
    return error_response(req, 400, "server.unknown_department", {{"department", dept}});
  std::string token = create_staff_token(*ctx.db, dept, f.get("label"));
  if (token.empty()) return error_response(req, 500, "server.internal");
  AuditEntry e;
  e.actor_department = staff->department;
  e.actor_token = staff->fingerprint;
  e.action = "token.create";
  e.ticket_department = dept;
  e.outcome = "allowed";
  e.remote_addr = req.remote_addr;
  audit(*ctx.db, e);
  return json_response({{"token", token}, {"department", dept}, {"label", f.get("label")}}, 201);
}

HttpResponse audit_log(Context& ctx, const HttpRequest& req, const Captures&) {
  auto staff = staff_of(ctx, req);
  if (!staff) return unauthorized(req);
  if (staff->department != "*") return error_response(req, 403, "security.admin_only");
  int64_t after = 0;
  std::string a = req.query_value("after");
  if (a.size() > 18) return error_response(req, 400, "server.bad_form");
  for (char c : a) {
    if (c < '0' || c > '9') return error_response(req, 400, "server.bad_form");
    after = after * 10 + (c - '0');
  }
  json out = json::array();
  for (const AuditEntry& e : audit_entries(*ctx.db, after, kMaxAuditRows, req.query_value("service_request_id")))
    out.push_back({{"id", e.id},
                   {"at", iso8601(e.at)},
                   {"action", e.action},
                   {"outcome", e.outcome},
                   {"service_request_id", e.request_id},
                   {"ticket_department", e.ticket_department},
                   {"staff_department", e.actor_department},
                   {"staff_token", e.actor_token},
                   {"remote_addr", e.remote_addr}});
  return json_response(out);
}

}  // namespace

void add_security_routes(Router& r) {
  r.add("GET", "/open311/v2/civic/staff/requests/{}/personal.json", personal);
  r.add("POST", "/open311/v2/civic/staff/tokens.json", issue_token);
  r.add("GET", "/open311/v2/civic/staff/audit.json", audit_log);
}

}  // namespace civic::server
