// core/media/jpeg_codec.cpp — libjpeg-turbo behind Result (see jpeg_codec.hpp).
//
// libjpeg reports errors by calling error_exit, which must not return: ours
// longjmps back into run_decode/run_encode. Those two functions are written
// C-style on purpose — no local with a destructor lives across setjmp, and
// every C++ object they fill belongs to the caller — so the jump skips
// nothing that needs cleaning up besides libjpeg's own state, which
// jpeg_destroy_* frees.
#include "core/media/jpeg_codec.hpp"

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <jerror.h>
#include <jpeglib.h>

namespace civic::media::jpeg {

namespace {

struct ErrorMgr {
  jpeg_error_mgr pub;  // first: libjpeg sees an ErrorMgr* as a jpeg_error_mgr*
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

void on_error(j_common_ptr c) {
  auto* e = reinterpret_cast<ErrorMgr*>(c->err);
  (*c->err->format_message)(c, e->message);
  std::longjmp(e->jump, 1);
}

// Warnings are silent (libjpeg would print to stderr), except running out of
// data: the container check makes that rare, but a half-grey photo is never
// what the resident meant to send.
void on_message(j_common_ptr c, int level) {
  if (level == -1 && c->err->msg_code == JWRN_JPEG_EOF) on_error(c);
}

void init_errors(ErrorMgr* e) {
  jpeg_std_error(&e->pub);
  e->pub.error_exit = on_error;
  e->pub.emit_message = on_message;
  e->message[0] = '\0';
}

// Adobe CMYK is stored inverted (255 = no ink): R = C*K/255, rounded as stb did.
inline uint8_t mix(unsigned x, unsigned y) {
  const unsigned t = x * y + 128;
  return static_cast<uint8_t>((t + (t >> 8)) >> 8);
}

struct DecodeOut {
  std::vector<uint8_t>* rgb;
  std::vector<uint8_t>* row4;  // one CMYK row, converted into rgb
  int width = 0, height = 0;
};

bool run_decode(jpeg_decompress_struct* ci, ErrorMgr* em, const uint8_t* data, size_t size, int eighths,
                DecodeOut* out) {
  ci->err = &em->pub;
  if (setjmp(em->jump)) {
    jpeg_destroy_decompress(ci);
    return false;
  }
  jpeg_create_decompress(ci);
  jpeg_mem_src(ci, data, static_cast<unsigned long>(size));
  jpeg_read_header(ci, TRUE);
  ci->scale_num = static_cast<unsigned>(eighths);
  ci->scale_denom = 8;
  const bool cmyk = ci->jpeg_color_space == JCS_CMYK || ci->jpeg_color_space == JCS_YCCK;
  ci->out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
  jpeg_start_decompress(ci);
  const size_t w = ci->output_width, h = ci->output_height;
  out->width = static_cast<int>(w);
  out->height = static_cast<int>(h);
  out->rgb->resize(w * h * 3);
  if (cmyk) out->row4->resize(w * 4);
  while (ci->output_scanline < ci->output_height) {
    uint8_t* dst = out->rgb->data() + static_cast<size_t>(ci->output_scanline) * w * 3;
    JSAMPROW row = cmyk ? out->row4->data() : dst;
    if (jpeg_read_scanlines(ci, &row, 1) != 1) ERREXIT(ci, JERR_INPUT_EMPTY);
    if (cmyk) {
      const uint8_t* s = out->row4->data();
      for (size_t x = 0; x < w; ++x, s += 4, dst += 3) {
        dst[0] = mix(s[0], s[3]);
        dst[1] = mix(s[1], s[3]);
        dst[2] = mix(s[2], s[3]);
      }
    }
  }
  jpeg_finish_decompress(ci);
  jpeg_destroy_decompress(ci);
  return true;
}

bool run_encode(jpeg_compress_struct* ci, ErrorMgr* em, const ImageView* img, int quality, unsigned char** buf,
                unsigned long* size) {
  ci->err = &em->pub;
  if (setjmp(em->jump)) {
    jpeg_destroy_compress(ci);
    return false;
  }
  jpeg_create_compress(ci);
  jpeg_mem_dest(ci, buf, size);
  ci->image_width = static_cast<JDIMENSION>(img->width);
  ci->image_height = static_cast<JDIMENSION>(img->height);
  ci->input_components = 3;
  ci->in_color_space = JCS_RGB;
  jpeg_set_defaults(ci);
  jpeg_set_quality(ci, quality, TRUE);
  ci->optimize_coding = TRUE;
  if (quality > 90) {  // full-resolution chroma where the resident asked for near-lossless
    ci->comp_info[0].h_samp_factor = 1;
    ci->comp_info[0].v_samp_factor = 1;
  }
  jpeg_start_compress(ci, TRUE);
  const size_t stride = static_cast<size_t>(img->width) * 3;
  while (ci->next_scanline < ci->image_height) {
    JSAMPROW row = const_cast<JSAMPROW>(img->rgb + ci->next_scanline * stride);
    jpeg_write_scanlines(ci, &row, 1);
  }
  jpeg_finish_compress(ci);
  jpeg_destroy_compress(ci);
  return true;
}

}  // namespace

int scale_eighths_for(int w, int h, int min_w, int min_h) {
  for (int m = 1; m < 8; ++m)
    if (scaled(w, m) >= min_w && scaled(h, m) >= min_h) return m;
  return 8;
}

Result<Image> decode(std::span<const uint8_t> bytes, int eighths, const std::function<Image(const ImageView&)>& keep) {
  jpeg_decompress_struct ci;
  ErrorMgr em;
  init_errors(&em);
  std::vector<uint8_t> rgb, row4;
  DecodeOut out{&rgb, &row4};
  if (!run_decode(&ci, &em, bytes.data(), bytes.size(), std::clamp(eighths, 1, 8), &out))
    return make_error("media.corrupt", std::string("libjpeg: ") + em.message);
  row4 = {};
  return keep(ImageView{rgb.data(), out.width, out.height});
}

Result<std::vector<uint8_t>> encode(const ImageView& img, int quality) {
  if (img.width <= 0 || img.height <= 0 || img.width > 65535 || img.height > 65535)
    return make_error("media.encode_failed", "size out of JPEG range");
  jpeg_compress_struct ci;
  ErrorMgr em;
  init_errors(&em);
  unsigned char* buf = nullptr;
  unsigned long size = 0;
  const bool ok = run_encode(&ci, &em, &img, std::clamp(quality, 1, 100), &buf, &size);
  std::vector<uint8_t> bytes;
  if (ok) bytes.assign(buf, buf + size);
  std::free(buf);  // jpeg_mem_dest's buffer is malloc'd, and outlives the compressor
  if (!ok) return make_error("media.encode_failed", std::string("libjpeg: ") + em.message);
  return bytes;
}

}  // namespace civic::media::jpeg
