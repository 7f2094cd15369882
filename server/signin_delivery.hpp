// server/signin_delivery.hpp — how a one-time code reaches the resident.
//  [X] --sms-command PROGRAM: the program (an SMS gateway client) is run
//      directly (posix_spawnp, never a shell, so nothing from a request is
//      ever parsed as a command) with the code in its environment:
//        CIVIC_SIGNIN_PHONE  the canonical number (13800138000, +85223456789)
//        CIVIC_SIGNIN_CODE   the 6 digits
//        CIVIC_SIGNIN_TTL    seconds the code is good for
//        CIVIC_SIGNIN_LANG   zh-CN | en (the resident's language)
//      plus PATH and LANG from the server's own environment; stdin is
//      /dev/null. Exit status 0 means sent; anything else, or no exit within
//      kSmsTimeoutSeconds (then it is killed), means not sent.
//  [X] development (no --sms-command): the code is written to the server's
//      log and kept in the database for `civic-server signin-code PHONE`.
#pragma once
#include <string>

namespace civic::server {

inline constexpr int kSmsTimeoutSeconds = 10;

// Empty string when the program said it sent the code, else why not.
std::string run_sms_command(const std::string& program, const std::string& phone, const std::string& code,
                            int ttl_seconds, const std::string& lang);

}  // namespace civic::server
