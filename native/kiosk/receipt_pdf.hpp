// native/kiosk/receipt_pdf.hpp — a one-page PDF holding the receipt picture.
// Written by hand (PDF 1.4, ISO 32000-1 §7.5: header, five objects, xref,
// trailer): the page is the paper roll's width, 80 mm, and as tall as the
// picture; the picture is an 8-bit DeviceGray image XObject, FlateDecode.
// A PDF library (libharu, cairo) would add a dependency for ~60 lines of
// fixed structure; any PDF viewer and CUPS' pdftops read this one.
#pragma once
#include <string>

#include "native/kiosk/receipt_image.hpp"

namespace civic::kiosk {

std::string make_pdf(const GrayImage& img);
bool write_pdf(const std::string& path, const GrayImage& img);

}  // namespace civic::kiosk
