// native/kiosk/qr.hpp — QR codes with libqrencode (Debian libqrencode-dev):
// the ticket's tracking page as a matrix of modules, for the screen (ImGui
// squares) and the printed receipt.
// Limits: text up to 1,024 bytes (a URL; longer text is refused), error
// correction level M (15 % of the code may be smudged or torn).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace civic::kiosk {

struct QrMatrix {
  int size = 0;                      // modules per side; 0 when encoding failed
  std::vector<std::uint8_t> dark;    // size * size, row-major, 1 = dark
};

QrMatrix make_qr(const std::string& text);

}  // namespace civic::kiosk
