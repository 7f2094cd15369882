// native/kiosk/receipt_pdf.cpp — see receipt_pdf.hpp.
#include "native/kiosk/receipt_pdf.hpp"

#include <cstdio>
#include <fstream>
#include <vector>

namespace civic::kiosk {

std::string make_pdf(const GrayImage& img) {
  const double width_pt = 80.0 / 25.4 * 72.0;   // 80 mm roll
  const double height_pt = width_pt * img.height / img.width;
  std::string image = zlib_compress(img.px.data(), img.px.size());
  char buf[256];
  std::snprintf(buf, sizeof buf, "q %.2f 0 0 %.2f 0 0 cm /Im1 Do Q\n", width_pt, height_pt);
  std::string content = buf;

  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  auto object = [&](const std::string& body) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
  };
  object("<< /Type /Catalog /Pages 2 0 R >>");
  object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  std::snprintf(buf, sizeof buf,
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im1 4 0 R >> >> "
                "/Contents 5 0 R >>",
                width_pt, height_pt);
  object(buf);
  std::snprintf(buf, sizeof buf,
                "<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 "
                "/Filter /FlateDecode /Length %zu >>\nstream\n",
                img.width, img.height, image.size());
  object(buf + image + "\nendstream");
  object("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream");
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
    pdf += buf;
  }
  pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

bool write_pdf(const std::string& path, const GrayImage& img) {
  std::string pdf = make_pdf(img);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(pdf.data(), static_cast<std::streamsize>(pdf.size()));
  return static_cast<bool>(out.flush());
}

}  // namespace civic::kiosk
