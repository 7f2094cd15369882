// server/submission.hpp — reading POST /requests.json into a ticket.
// Limits (outside bytes): the body is already capped by the transport
// (Options::max_body, 413); it must be application/x-www-form-urlencoded,
// valid %-escapes, strict UTF-8 without control characters in every key and
// value; every key is a GeoReport v2 field, a Civic one (sealed_personal) or
// attribute[CODE]/attribute[CODE][]; server-only fields are length-capped
// here, the resident's fields by core/forms with the clients' own rules and
// message ids (description <= 4,000 characters, names <= 50, ...).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "server/context.hpp"
#include "server/tickets.hpp"

namespace civic::server {

struct SubmissionError {
  std::string field;        // the form key ("" when about the whole body)
  std::string message_id;
  std::map<std::string, std::string> params;
};

struct ParsedSubmission {
  int status = 200;                       // 400/403 with errors
  std::vector<SubmissionError> errors;
  const CatalogueService* service = nullptr;
  Ticket ticket;                          // filled when errors is empty
};

ParsedSubmission parse_submission(const Context& ctx, const HttpRequest& req);

}  // namespace civic::server
