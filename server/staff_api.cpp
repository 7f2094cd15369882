// server/staff_api.cpp — the workers' side over HTTP (Authorization: Bearer T,
// a per-department staff token; "*" tokens see every department):
//   GET  /open311/v2/civic/staff/requests.json     ?status=open|closed  the department's queue,
//                                                  with contact details and SLA state
//   POST /open311/v2/civic/staff/requests/{id}.json  status=S [note=T] [department=D]
// Statuses and moves: server/statuses.hpp.
#include "server/form_fields.hpp"
#include "server/router.hpp"
#include "server/security_audit.hpp"
#include "server/staff_tokens.hpp"
#include "server/ticket_json.hpp"

namespace civic::server {

namespace {

std::optional<std::string> authorize(Context& ctx, const HttpRequest& req) {
  std::string auth = req.header("authorization");
  if (auth.rfind("Bearer ", 0) != 0) return std::nullopt;
  return staff_department(*ctx.db, auth.substr(7));
}

HttpResponse unauthorized(const HttpRequest& req) {
  HttpResponse r = error_response(req, 401, "server.staff_unauthorized");
  r.set_header("WWW-Authenticate", "Bearer realm=\"civic-staff\"");
  return r;
}

HttpResponse queue(Context& ctx, const HttpRequest& req, const Captures&) {
  auto dept = authorize(ctx, req);
  if (!dept) return unauthorized(req);
  TicketFilter f;
  f.department = *dept;
  std::string status = req.query_value("status");
  if (status == "open") f.closed = false;
  else if (status == "closed") f.closed = true;
  else if (!status.empty()) return error_response(req, 400, "server.bad_status_filter");
  f.limit = 1000;
  int64_t now = now_seconds();
  json out = json::array();
  for (const Ticket& t : list_tickets(*ctx.db, f)) out.push_back(ticket_json(t, ctx.catalogue, req.lang(), now, true));
  // security: the queue shows contact details, so reading it is audited.
  audit(*ctx.db, {0, 0, *dept, token_fingerprint(req.header("authorization").substr(7)), "queue.read", "", *dept,
                  "allowed", req.remote_addr});
  return json_response(out);
}

HttpResponse update(Context& ctx, const HttpRequest& req, const Captures& caps) {
  auto dept = authorize(ctx, req);
  if (!dept) return unauthorized(req);
  SimpleForm form = read_simple_form(req, {{"status", 32}, {"note", 2000}, {"department", 64}});
  if (form.error) return *form.error;
  UpdateOutcome o = staff_update(*ctx.db, ctx.catalogue, caps[0], form.get("status"), form.get("note"),
                                 form.get("department"), *dept);
  // security: another department's attempt is audited (denied), as is every answer with contact details.
  if (o.ok || o.http_status == 403)
    audit(*ctx.db, {0, 0, *dept, token_fingerprint(req.header("authorization").substr(7)), "ticket.update", caps[0],
                    o.ok ? o.ticket.department : o.params["department"], o.ok ? "allowed" : "denied", req.remote_addr});
  if (!o.ok) return error_response(req, o.http_status, o.message_id, o.params);
  return json_response(json::array({ticket_json(o.ticket, ctx.catalogue, req.lang(), now_seconds(), true)}));
}

}  // namespace

void add_staff_routes(Router& r) {
  r.add("GET", "/open311/v2/civic/staff/requests.json", queue);
  r.add("POST", "/open311/v2/civic/staff/requests/{}.json", update);
}

}  // namespace civic::server
