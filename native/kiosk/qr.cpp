// native/kiosk/qr.cpp — see qr.hpp.
#include "native/kiosk/qr.hpp"

#include <qrencode.h>

namespace civic::kiosk {

QrMatrix make_qr(const std::string& text) {
  QrMatrix m;
  if (text.empty() || text.size() > 1024) return m;
  // Byte mode, case-sensitive: a URL's path and fragment must survive as typed.
  QRcode* code = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
  if (!code) return m;
  m.size = code->width;
  m.dark.resize(static_cast<size_t>(m.size) * m.size);
  for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = code->data[i] & 1;
  QRcode_free(code);
  return m;
}

}  // namespace civic::kiosk
