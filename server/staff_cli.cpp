// server/staff_cli.cpp — see staff_cli.hpp.
#include "server/staff_cli.hpp"

#include <httplib.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "core/api/url.hpp"
#include "core/i18n/messages.hpp"
#include "server/catalogue.hpp"
#include "server/migrations.hpp"
#include "server/security_vault.hpp"
#include "server/staff_tokens.hpp"
#include "server/ticket_json.hpp"
#include "server/tickets.hpp"

namespace civic::server {

namespace {

struct StaffArgs {
  std::string db = "var/civic.db", server, token, command, id, status, note, department, filter;
  bool json_out = false;
};

Lang console_lang() {
  for (const char* v : {"CIVIC_LANG", "LC_ALL", "LC_MESSAGES", "LANG"})
    if (const char* s = std::getenv(v); s && *s) return parse_lang(s);
  return Lang::zh_CN;
}

std::string parse_args(const std::vector<std::string>& args, StaffArgs& a) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& k = args[i];
    auto next = [&](std::string& dst) {
      if (i + 1 >= args.size()) return false;
      dst = args[++i];
      return true;
    };
    bool ok = true;
    if (k == "--db") ok = next(a.db);
    else if (k == "--server") ok = next(a.server);
    else if (k == "--token") ok = next(a.token);
    else if (k == "--status") ok = next(a.command == "list" ? a.filter : a.status);
    else if (k == "--note") ok = next(a.note);
    else if (k == "--department") ok = next(a.department);
    else if (k == "--json") a.json_out = true;
    else if (a.command.empty() && (k == "update" || k == "list")) a.command = k;
    else if (a.command == "update" && a.id.empty() && k.rfind("--", 0) != 0) a.id = k;
    else return "unexpected argument: " + k;
    if (!ok) return k + " needs a value";
  }
  if (a.command.empty()) return "missing command (update or list)";
  if (a.command == "update" && (a.id.empty() || a.status.empty())) return "update needs ID and --status S";
  if (!a.server.empty() && a.token.empty()) return "--server needs --token T";
  return {};
}

void print_tickets(const json& list, bool as_json, Lang lang) {
  if (as_json) {
    std::cout << dump(list) << "\n";
    return;
  }
  for (const auto& t : list) {
    auto s = [&](const char* k) {
      auto it = t.find(k);
      return it != t.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    if (list.size() == 1)
      std::cout << format(lang, "server.staff_updated", {{"id", s("service_request_id")}, {"status", s("status_label")}})
                << "\n";
    else
      std::cout << s("service_request_id") << "  " << s("status_label") << "  " << s("department") << "  "
                << s("sla_state") << "  " << s("service_name") << "\n";
  }
}

int via_http(const StaffArgs& a, Lang lang) {
  std::string base = api::normalize_base(a.server);
  if (!api::is_http_url(base)) {
    std::cerr << "civic-server staff: --server must be an http(s) URL\n";
    return 2;
  }
  size_t scheme_end = base.find("://") + 3;
  size_t path_start = base.find('/', scheme_end);
  std::string origin = base.substr(0, path_start);
  std::string path = base.substr(path_start);
  httplib::Client cli(origin);
  cli.set_connection_timeout(10, 0);
  cli.set_read_timeout(30, 0);
  httplib::Headers headers = {{"Authorization", "Bearer " + a.token},
                              {"Accept-Language", std::string(lang_tag(lang))}};
  httplib::Result res{nullptr, httplib::Error::Unknown};
  if (a.command == "update") {
    api::Params form = {{"status", a.status}};
    if (!a.note.empty()) form.emplace_back("note", a.note);
    if (!a.department.empty()) form.emplace_back("department", a.department);
    res = cli.Post((path + "civic/staff/requests/" + api::percent_encode(a.id) + ".json").c_str(), headers,
                   api::form_encode(form), "application/x-www-form-urlencoded");
  } else {
    std::string q = a.filter.empty() ? "" : "?status=" + api::percent_encode(a.filter);
    res = cli.Get((path + "civic/staff/requests.json" + q).c_str(), headers);
  }
  if (!res) {
    std::cerr << "civic-server staff: " << tr(lang, "api.network") << " (" << httplib::to_string(res.error()) << ")\n";
    return 1;
  }
  json body = json::parse(res->body, nullptr, false);
  if (res->status >= 300) {
    std::string why = "HTTP " + std::to_string(res->status);
    if (body.is_array() && !body.empty() && body[0].is_object() && body[0].contains("description") &&
        body[0]["description"].is_string())
      why = body[0]["description"].get<std::string>();
    std::cerr << "civic-server staff: " << why << "\n";
    return 1;
  }
  if (!body.is_array()) {
    std::cerr << "civic-server staff: " << tr(lang, "api.bad_json") << "\n";
    return 1;
  }
  print_tickets(body, a.json_out, lang);
  return 0;
}

int via_db(const StaffArgs& a, Lang lang) {
  std::ifstream exists(a.db);
  if (!exists) {
    std::cerr << "civic-server staff: " << a.db << ": no database (start civic-server once)\n";
    return 1;
  }
  Db db(a.db);
  if (!db.ok()) {
    std::cerr << "civic-server staff: " << a.db << ": " << db.error() << "\n";
    return 1;
  }
  if (std::string err = migrate(db); !err.empty()) {
    std::cerr << "civic-server staff: " << err << "\n";
    return 1;
  }
  std::string token = a.token;
  if (token.empty()) {
    std::string path = staff_token_path(a.db);
    std::ifstream in(path);
    if (!in || !std::getline(in, token) || token.empty()) {
      std::cerr << "civic-server staff: " << format(lang, "server.staff_token_missing", {{"path", path}}) << "\n";
      return 1;
    }
  }
  auto dept = staff_department(db, token);
  if (!dept) {
    std::cerr << "civic-server staff: " << tr(lang, "server.staff_unauthorized") << "\n";
    return 1;
  }
  // security: personal columns are encrypted; the key lives in keys/ beside the database.
  if (std::string err = load_personal_key_beside(a.db); !err.empty()) {
    std::cerr << "civic-server staff: " << err << "\n";
    return 1;
  }
  Catalogue catalogue;
  if (std::string err = load_catalogue(db, catalogue); !err.empty()) {
    std::cerr << "civic-server staff: " << err << "\n";
    return 1;
  }
  int64_t now = now_seconds();
  json out = json::array();
  if (a.command == "update") {
    UpdateOutcome o = staff_update(db, catalogue, a.id, a.status, a.note, a.department, *dept);
    if (!o.ok) {
      std::cerr << "civic-server staff: " << format(lang, o.message_id, o.params) << "\n";
      return 1;
    }
    out.push_back(ticket_json(o.ticket, catalogue, lang, now, true));
  } else {
    TicketFilter f;
    f.department = *dept;
    if (a.filter == "open") f.closed = false;
    else if (a.filter == "closed") f.closed = true;
    for (const Ticket& t : list_tickets(db, f)) out.push_back(ticket_json(t, catalogue, lang, now, true));
  }
  print_tickets(out, a.json_out, lang);
  return 0;
}

}  // namespace

int staff_main(const std::vector<std::string>& args) {
  Lang lang = console_lang();
  StaffArgs a;
  if (std::string err = parse_args(args, a); !err.empty()) {
    std::cerr << "civic-server staff: " << err << "\n" << tr(lang, "server.usage") << "\n";
    return 2;
  }
  return a.server.empty() ? via_db(a, lang) : via_http(a, lang);
}

}  // namespace civic::server
