// native/kiosk/receipt.hpp — the receipt a resident takes home: ticket
// number, service, time, a QR code opening the ticket's page on a phone
// (--public-url, default the server's origin: BASE/#/ticket/ID), and the
// signed-receipt check against the issuer's pinned key (trust on first use,
// DATA/pins.json, the same store and rules as `civic receipt verify`).
//  [x] printed through CUPS (`lp -d QUEUE FILE`, run without a shell) when
//      --printer is set; always written as PNG and PDF to DATA/receipts/
//      (the newest 500 kept) and shown on screen with the QR
//  [x] no personal field on it, on paper or on disk
//  [ ] a printer's paper-out state (lp only queues; CUPS reports later)
#pragma once
#include <string>

#include "core/app/state.hpp"
#include "native/kiosk/options.hpp"
#include "ui/screen_receipt.hpp"

namespace civic::kiosk {

struct IssuedReceipt {
  ui::ReceiptView view;
  std::string png, pdf;   // files written (empty when writing failed)
};

// For a delivered ticket (t.id set) in the resident's language.
IssuedReceipt issue_receipt(const Options& opt, const std::string& font_path, const app::State& s,
                            const app::Ticket& t);

std::string receipts_dir(const Options& opt);

}  // namespace civic::kiosk
