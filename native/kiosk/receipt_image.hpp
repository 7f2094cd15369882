// native/kiosk/receipt_image.hpp — the printed receipt as a picture: an
// 80 mm thermal-printer width (576 dots at 203 dpi), black on white, the
// words set with stb_truetype in the UI's own CJK font, the QR code large
// enough to scan from paper (>= 4 dots a module), and written as PNG
// (stb_image_write) or as a one-page PDF that embeds the same picture.
// Holds no personal field: ticket number, service, time, the tracking URL
// and the signature check only.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "native/kiosk/qr.hpp"

namespace civic::kiosk {

struct PrintedReceipt {
  std::vector<std::string> lines_before;   // title, ticket number, service, time
  QrMatrix qr;
  std::vector<std::string> lines_after;    // "scan to follow", URL, the check
};

struct GrayImage {
  int width = 0, height = 0;
  std::vector<std::uint8_t> px;            // 0 black .. 255 white, row-major
};

inline constexpr int kReceiptWidth = 576;

// font_path: a TrueType font; without one the words are left out (QR only).
GrayImage render_receipt(const PrintedReceipt& r, const std::string& font_path);

bool write_png(const std::string& path, const GrayImage& img);
// zlib stream (RFC 1950) of bytes, for the PDF's FlateDecode image.
std::string zlib_compress(const std::uint8_t* data, size_t n);

}  // namespace civic::kiosk
