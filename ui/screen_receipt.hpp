// ui/screen_receipt.hpp — what a shell adds to the receipt screen: the QR
// code that opens the ticket on a phone, the signed-receipt check and where
// the receipt went (printer or files). The kiosk fills it (libqrencode, the
// pinned key, CUPS); the web app leaves it empty and the screen shows the
// ticket number alone. Plain data, drawn as given; no logic here.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace civic::ui {

struct ReceiptView {
  std::string ticket_key;              // the Ticket id (or local ref) this view belongs to
  int qr_size = 0;                     // modules per side; 0: no QR
  std::vector<std::uint8_t> qr;        // qr_size * qr_size, row-major, 1 = dark
  std::string url;                     // what the QR opens
  // The signed-receipt check: verified (key_id set), or the problem.
  bool has_signature = false;
  bool verified = false;
  bool first_key = false;              // verified against a key pinned just now
  std::string key_id;
  std::optional<Error> problem;
  // Where it went.
  std::string printer;                 // printed on this CUPS queue
  std::optional<Error> output_error;   // printing or saving failed
  bool saved = false;
};

// Set by the shell after filing; cleared (and wiped) when the session ends.
void set_receipt_view(ReceiptView v);
void clear_receipt_view();
const ReceiptView& receipt_view();

}  // namespace civic::ui
