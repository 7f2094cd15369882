// server/signin_cli.hpp — `civic-server signin-code [--db FILE] PHONE`:
// development delivery of sign-in codes. Prints the pending, unexpired code
// for PHONE that a server without --sms-command kept in its database (it
// also wrote it to its log). Exit 0 with the 6 digits on stdout; 1 when no
// such code is pending (expired, used, locked, or sent by SMS); 2 on a bad
// command line.
#pragma once
#include <string>
#include <vector>

namespace civic::server {

int signin_code_main(const std::vector<std::string>& args);

}  // namespace civic::server
