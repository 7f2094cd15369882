// server/ticket_json.hpp — a ticket as GeoReport v2 JSON (GET /requests)
// plus the Civic fields (status_detail, department, SLA state, rating).
// Personal fields (name, phone, e-mail) never appear in public answers;
// the staff API adds them (with_personal).
#pragma once
#include "server/catalogue.hpp"
#include "server/tickets.hpp"

namespace civic::server {

json ticket_json(const Ticket& t, const Catalogue& c, Lang lang, int64_t now, bool with_personal = false);
// dump(ticket_json(t, c, lang, now)) byte for byte, written straight to out
// without building a json tree (a GET of 50 tickets spent most of its time
// there). Text that is not valid UTF-8 takes the json path, whose
// replacement rules it then shares.
void append_ticket_json(std::string& out, const Ticket& t, const Catalogue& c, Lang lang, int64_t now);

// The answer to POST /requests.json: [{service_request_id, token,
// service_notice, account_id, expected_datetime, receipt}], receipt_text
// being core/crypto's receipt_to_json() (or "" when none could be signed).
// submission_answer_text() is dump(submission_answer()) without the trees.
json submission_answer(const Ticket& t, const std::string& notice, const std::string& receipt_text);
std::string submission_answer_text(const Ticket& t, const std::string& notice, const std::string& receipt_text);
// "on_time" | "overdue": open tickets against now, closed ones against when they closed.
std::string sla_state(const Ticket& t, int64_t now);

}  // namespace civic::server
