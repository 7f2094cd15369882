// native/cli/seal.hpp — `civic file`'s sealing step: fetch the server's
// capabilities (or, offline, the copy kept from the last contact in
// DATA_DIR/capabilities/<server id>.json), check its keys against the pin
// store and seal the personal fields (core/crypto/seal_form.hpp) BEFORE the
// concern enters the outbox, so neither the queue on disk nor anything sent
// later holds them in the clear. The sealed form is what is stored and
// replayed, so an idempotent retry sends the very same bytes.
//  [x] plain GeoReport v2 servers (no capabilities, 404): the form as it is
//  [x] offline: the kept copy, re-checked against the pinned key
//  [ ] offline at the very first contact: nothing to seal to; the form is
//      queued as typed (SECURITY.md, known limits)
#pragma once
#include "core/api/url.hpp"
#include "core/crypto/seal_form.hpp"
#include "native/cli/cli.hpp"

namespace civic::cli {

Result<crypto::SealOutcome> seal_for_server(const Context& ctx, api::Params& form);

}  // namespace civic::cli
