// tests/core/media_upload_check_test.cpp — core/media/upload_check: declared
// type vs. bytes, polyglots (data after the end, active content in metadata),
// broken structures and file names. Every file is made here from an encoded
// test picture or a few bytes; no binary is committed.
#include <doctest/doctest.h>

#include <string>

#include "core/media/upload_check.hpp"
#include "media_test_util.hpp"

using media_test::Bytes;

namespace {

Bytes text(const std::string& s) { return Bytes(s.begin(), s.end()); }
Bytes cat(Bytes a, const Bytes& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}
// The first n bytes, and all but the last n bytes.
Bytes head(Bytes b, size_t n) {
  b.resize(n);
  return b;
}
Bytes drop_last(Bytes b, size_t n) {
  b.resize(b.size() - n);
  return b;
}
Bytes be32(uint32_t v) { return {uint8_t(v >> 24), uint8_t(v >> 16), uint8_t(v >> 8), uint8_t(v)}; }

Bytes jpeg() { return media_test::jpeg_of(media_test::quad_image(32, 24)); }
Bytes read_png() { return media_test::read_fixture("rgba.png"); }

// A JPEG with a COM segment holding `comment`, right after SOI.
Bytes jpeg_with_comment(const std::string& comment) {
  Bytes j = jpeg();
  Bytes seg = {0xFF, 0xFE, uint8_t((comment.size() + 2) >> 8), uint8_t(comment.size() + 2)};
  seg = cat(seg, text(comment));
  j.insert(j.begin() + 2, seg.begin(), seg.end());
  return j;
}

// A PNG with an ancillary tEXt chunk before IEND (CRC not checked by the walk).
Bytes png_with_text(const std::string& payload) {
  Bytes p = read_png();
  Bytes chunk = cat(cat(be32(uint32_t(payload.size())), text("tEXt")), text(payload));
  chunk = cat(chunk, Bytes{0, 0, 0, 0});
  p.insert(p.end() - 12, chunk.begin(), chunk.end());
  return p;
}

Bytes box(const std::string& type, size_t payload) {
  Bytes b = cat(be32(uint32_t(8 + payload)), text(type));
  b.resize(8 + payload, 0);
  return b;
}
Bytes mp4() { return cat(cat(box("ftyp", 8), box("moov", 16)), box("mdat", 32)); }
// A phone's .mov: ISO BMFF whose ftyp names the QuickTime brand.
Bytes mov() { return cat(cat(cat(be32(20), text("ftypqt  ")), cat(be32(0x200), text("qt  "))), box("moov", 16)); }
Bytes webm_video() { return cat(text("\x1A\x45\xDF\xA3"), Bytes(300, 0x42)); }

Bytes ogg_page(size_t body) {
  Bytes p = text("OggS");
  p.resize(26, 0);
  p.push_back(1);
  p.push_back(uint8_t(body));
  p.resize(p.size() + body, 0x11);
  return p;
}

Bytes webp(size_t payload) {
  Bytes w = text("RIFF");
  uint32_t size = uint32_t(4 + payload);
  w.insert(w.end(), {uint8_t(size), uint8_t(size >> 8), uint8_t(size >> 16), uint8_t(size >> 24)});
  w = cat(w, text("WEBPVP8 "));
  w.resize(8 + size, 0);
  return w;
}

}  // namespace

TEST_CASE("upload content: what is kept and what is refused, with the reason") {
  const Bytes zip = text("PK\x03\x04\x14\x00\x00\x00payload.php");
  struct Row {
    const char* name;
    const char* type;
    Bytes bytes;
    const char* error;  // "" = kept
  };
  const Row rows[] = {
      {"a plain JPEG is kept", "image/jpeg", jpeg(), ""},
      {"a plain PNG is kept", "image/png", read_png(), ""},
      {"an MP4 whose boxes tile the file is kept", "video/mp4", mp4(), ""},
      {"an M4A (audio/mp4) is kept", "audio/mp4", mp4(), ""},
      {"a phone's MOV (video/quicktime, brand qt) is kept", "video/quicktime", mov(), ""},
      {"an MP4 declared as QuickTime is kept (same container)", "video/quicktime", mp4(), ""},
      {"a WebM video is kept", "video/webm", webm_video(), ""},
      {"an old QuickTime file without ftyp is a mismatch", "video/quicktime", cat(box("moov", 16), box("mdat", 32)), "security.upload_type_mismatch"},
      {"a JPEG declared as QuickTime is a mismatch", "video/quicktime", jpeg(), "security.upload_type_mismatch"},
      {"an Ogg declared as WebM video is a mismatch", "video/webm", ogg_page(10), "security.upload_type_mismatch"},
      {"a MOV with HTML after its boxes is refused", "video/quicktime", cat(mov(), text("<html><body>x</body></html>")), "security.upload_malformed"},
      {"a WebM video carrying a script is refused", "video/webm", cat(webm_video(), text("<script>alert(1)</script>")), "security.upload_active_content"},
      {"Ogg pages that tile the file are kept", "audio/ogg", cat(ogg_page(10), ogg_page(20)), ""},
      {"a WebP at its RIFF size is kept", "image/webp", webp(20), ""},
      {"an MP3 with an ID3 tag is kept", "audio/mpeg", cat(text("ID3\x04"), Bytes(200, 0x55)), ""},
      {"a JPEG with a harmless comment is kept", "image/jpeg", jpeg_with_comment("taken on Huafu Road"), ""},
      {"a PNG declared as JPEG is a mismatch", "image/jpeg", read_png(), "security.upload_type_mismatch"},
      {"an HTML page declared as PNG is a mismatch", "image/png", text("<html><script>alert(1)</script></html>"), "security.upload_type_mismatch"},
      {"a ZIP declared as MP4 is a mismatch", "video/mp4", zip, "security.upload_type_mismatch"},
      {"a HEIC declared as MP4 is a mismatch", "video/mp4", cat(be32(24), text("ftypheic\0\0\0\0mif1heic")), "security.upload_type_mismatch"},
      {"an undeclared type is a mismatch", "image/gif", text("GIF89a....."), "security.upload_type_mismatch"},
      {"a JPEG with a ZIP after EOI is refused", "image/jpeg", cat(jpeg(), zip), "security.upload_trailing_data"},
      {"a JPEG with HTML after EOI is refused", "image/jpeg", cat(jpeg(), text("<html><body>hi</body></html>")), "security.upload_trailing_data"},
      {"a JPEG with one stray byte after EOI is refused", "image/jpeg", cat(jpeg(), Bytes{0}), "security.upload_trailing_data"},
      {"a PNG with data after IEND is refused", "image/png", cat(read_png(), text("<?php system($_GET['c']); ?>")), "security.upload_trailing_data"},
      {"an MP4 with a ZIP after its boxes is refused", "video/mp4", cat(mp4(), zip), "security.upload_malformed"},
      {"Ogg pages followed by a script are refused", "audio/ogg", cat(ogg_page(10), text("<script>x</script>")), "security.upload_trailing_data"},
      {"a WebP with data after its RIFF size is refused", "image/webp", cat(webp(20), zip), "security.upload_trailing_data"},
      {"a JPEG/JavaScript polyglot (script in a COM segment) is refused", "image/jpeg", jpeg_with_comment("*/=1;<script>alert(1)</script>"), "security.upload_active_content"},
      {"PHP in a JPEG comment is refused", "image/jpeg", jpeg_with_comment("<?php echo 1; ?>"), "security.upload_active_content"},
      {"a ZIP header in a JPEG comment is refused", "image/jpeg", jpeg_with_comment(std::string("PK\x03\x04", 4) + "x"), "security.upload_active_content"},
      {"an SVG in a PNG text chunk is refused", "image/png", png_with_text(std::string("Comment\0<svg onload=alert(1)>", 29)), "security.upload_active_content"},
      {"an MP3 carrying a script is refused", "audio/mpeg", cat(text("ID3\x04"), cat(Bytes(100, 0x55), text("<SCRIPT src=//x>"))), "security.upload_active_content"},
      {"a truncated JPEG (no EOI) is malformed", "image/jpeg", drop_last(jpeg(), 2), "security.upload_malformed"},
      {"a PNG without IEND is malformed", "image/png", drop_last(read_png(), 12), "security.upload_malformed"},
      {"an MP4 box running past the file is malformed", "video/mp4", cat(box("ftyp", 8), cat(be32(4096), text("mdat"))), "security.upload_malformed"},
      {"a WebP whose RIFF size runs past the file is malformed", "image/webp", drop_last(webp(20), 4), "security.upload_malformed"},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      auto e = civic::media::check_upload_content(r.type, r.bytes);
      if (std::string(r.error).empty()) {
        CHECK_MESSAGE(!e, (e ? e->id + " " + e->detail : ""));
      } else {
        REQUIRE(e);
        CHECK(e->id == r.error);
      }
    }
  }
}

TEST_CASE("upload content: a mismatch names what the bytes are, and is caught on the first chunk") {
  auto e = civic::media::check_upload_magic("image/jpeg", read_png());
  REQUIRE(e);
  CHECK(e->params.at("declared") == "image/jpeg");
  CHECK(e->params.at("actual") == "PNG");
  CHECK(!civic::media::check_upload_magic("image/jpeg", head(jpeg(), 16)));
  auto z = civic::media::check_upload_magic("image/png", text("PK\x03\x04zzzzzzzzzzzz"));
  REQUIRE(z);
  CHECK(z->params.at("actual") == "ZIP");
}

TEST_CASE("upload file names: traversal, control and bidi characters are refused") {
  struct Row {
    const char* name;
    std::string file;
    bool ok;
  };
  const Row rows[] = {
      {"a plain name", "photo.jpg", true},
      {"a Chinese name", "路灯照片.jpg", true},
      {"parent traversal", "../../etc/passwd", false},
      {"a dot-dot name", "..", false},
      {"a hidden file", ".htaccess", false},
      {"an absolute path", "/var/www/x.php", false},
      {"a Windows path", "..\\x.jpg", false},
      {"a NUL byte", std::string("a.jpg\0.php", 10), false},
      {"a newline (log forging)", "a.jpg\nINFO ok", false},
      {"a right-to-left override", "photo\xE2\x80\xAEgpj.exe", false},
      {"invalid UTF-8", "photo\xC3.jpg", false},
      {"an overlong encoding of '/'", "a\xC0\xAF" "b.jpg", false},
      {"empty", "", false},
      {"256 bytes", std::string(256, 'a'), false},
  };
  for (const Row& r : rows) {
    SUBCASE(r.name) {
      auto e = civic::media::check_upload_name(r.file);
      CHECK(!e == r.ok);
      if (e) CHECK(e->id == "security.upload_bad_name");
    }
  }
}

TEST_CASE("upload extensions: every type the check knows has the extension its players expect") {
  struct Row { const char* type; const char* ext; };
  const Row rows[] = {
      {"image/jpeg", "jpg"}, {"image/png", "png"},       {"image/webp", "webp"}, {"video/mp4", "mp4"},
      {"video/quicktime", "mov"}, {"video/webm", "webm"}, {"audio/mp4", "m4a"},  {"audio/ogg", "ogg"},
      {"audio/webm", "webm"}, {"audio/mpeg", "mp3"},      {"audio/aac", "aac"},
      {"text/html", ""},     {"video/mp4; codecs=avc1", ""}, {"VIDEO/MP4", ""}, {"", ""},
  };
  for (const Row& r : rows) {
    SUBCASE(r.type) {
      CHECK(civic::media::upload_extension(r.type) == std::string(r.ext));
      // A type with an extension is one the check knows: its magic is looked at.
      if (*r.ext) CHECK(civic::media::check_upload_magic(r.type, {}) != std::nullopt);
    }
  }
}
