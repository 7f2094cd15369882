// ui/screen_form.cpp — the service's form (core/forms schema) and the review
// page. Each field kind gets the control a finger can use; messages come from
// the core's validators and show only after the resident left the field or
// pressed "next" (forms::shown_error). Values live in app::State, so leaving,
// switching language or failing to submit never loses them.
#include <imgui.h>

#include "core/i18n/messages.hpp"
#include "ui/screens.hpp"
#include "ui/semantics.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace civic::ui::screens {

namespace {

std::string label_of(const app::State& s, const forms::Field& f) {
  std::string l = f.label_id.empty() ? f.label : std::string(tr(s.lang, f.label_id));
  if (l.empty()) l = f.id;
  if (!f.required && f.kind != forms::FieldKind::flag && f.kind != forms::FieldKind::note)
    l += " " + std::string(tr(s.lang, "ui.optional"));
  return l;
}

// The value as the review page and screen readers say it.
std::string value_text(const app::State& s, const forms::Field& f, const forms::FieldValue& v) {
  using K = forms::FieldKind;
  switch (f.kind) {
    case K::single_choice:
      for (const auto& c : f.choices)
        if (c.key == v.text) return c.name;
      return v.text;
    case K::multi_choice: {
      std::string out;
      for (const auto& c : f.choices)
        for (const auto& k : v.keys)
          if (k == c.key) out += (out.empty() ? "" : (s.lang == Lang::en ? ", " : "、")) + c.name;
      return out;
    }
    case K::flag: return std::string(tr(s.lang, v.text == "true" ? "ui.yes" : "ui.no"));
    case K::location: return !v.location.address.empty() ? v.location.address
                             : v.location.lat.empty() ? std::string() : v.location.lat + ", " + v.location.lon;
    case K::attachments: return std::to_string(v.attachments.size());
    default: return v.text;
  }
}

void field(const app::State& s, const Dispatch& d, size_t i) {
  const auto& f = s.draft.schema.fields[i];
  const auto& st = s.draft.form.fields[i];
  if (forms::field_inactive(s.draft.schema, s.draft.form, i)) return;
  using K = forms::FieldKind;
  const Error* err = forms::shown_error(s.draft.form, s.draft.schema, f.id);
  std::string id = "field/" + f.id;
  std::string label = label_of(s, f);
  ImGui::PushID(id.c_str());
  switch (f.kind) {
    case K::note: w::paragraph(f.label, true); break;
    case K::attachments: attachments_row(s, d, label); break;
    case K::flag:
      if (w::toggle(id, label, st.value.text == "true")) {
        forms::FieldValue v = st.value;
        v.text = st.value.text == "true" ? "false" : "true";
        d(app::FieldEdited{f.id, v});
      }
      break;
    case K::single_choice:
    case K::multi_choice: {
      w::paragraph(label);
      for (const auto& c : f.choices) {
        bool on = f.kind == K::single_choice
                      ? st.value.text == c.key
                      : std::find(st.value.keys.begin(), st.value.keys.end(), c.key) != st.value.keys.end();
        if (w::toggle(id + "/" + c.key, c.name, on)) {
          forms::FieldValue v = st.value;
          if (f.kind == K::single_choice) v.text = on ? "" : c.key;
          else if (on) v.keys.erase(std::find(v.keys.begin(), v.keys.end(), c.key));
          else v.keys.push_back(c.key);
          d(app::FieldEdited{f.id, v});
          d(app::FieldLeft{f.id});
        }
      }
      break;
    }
    case K::location: {
      std::string text = st.value.location.address;
      if (w::text_input(id, label, &text, false, err != nullptr, std::string(tr(s.lang, "ui.address_hint")))) {
        forms::FieldValue v = st.value;
        v.location.address = text;
        d(app::FieldEdited{f.id, v});
      }
      if (ImGui::IsItemDeactivated()) d(app::FieldLeft{f.id});
      location_sources(s, d);
      break;
    }
    default: {
      std::string text = st.value.text;
      bool digits = f.kind == K::phone || f.kind == K::number;
      if (w::text_input(id, label, &text, f.kind == K::text, err != nullptr, f.hint, digits)) {
        forms::FieldValue v = st.value;
        v.text = text;
        d(app::FieldEdited{f.id, v});
      }
      if (ImGui::IsItemDeactivated()) d(app::FieldLeft{f.id});
    }
  }
  if (err) w::alert(id + "/error", explain(s.lang, *err));
  ImGui::PopID();
}

}  // namespace

void form(const app::State& s, const Dispatch& d) {
  const auto& dr = s.draft;
  w::heading("heading", dr.service.name);
  if (!dr.service.description.empty()) w::paragraph(dr.service.description, true);
  if (dr.phase == app::Phase::loading && dr.schema.fields.empty()) {
    w::status("status", std::string(tr(s.lang, "status.loading")));
    return;
  }
  if (dr.phase == app::Phase::failed) {
    w::alert("error", dr.error ? explain(s.lang, *dr.error) : std::string(tr(s.lang, "api.network")));
    if (w::button("retry", std::string(tr(s.lang, "status.retry")), w::Kind::primary)) d(app::RetryPressed{});
    if (dr.schema.fields.empty()) return;
  }
  size_t failing = forms::form_errors(dr.schema, dr.form).size();
  if (dr.form.submitted && failing > 0)
    w::alert("form/errors", format(s.lang, "ui.fix_errors", {{"count", std::to_string(failing)}}));
  for (size_t i = 0; i < dr.schema.fields.size() && i < dr.form.fields.size(); ++i) field(s, d, i);
  ImGui::Dummy(ImVec2(0, w::frame().touch / 4));
  if (w::button("review", std::string(tr(s.lang, "ui.next_review")), w::Kind::primary)) d(app::ReviewPressed{});
}

void review(const app::State& s, const Dispatch& d) {
  const auto& dr = s.draft;
  w::heading("heading", std::string(tr(s.lang, "ui.review_title")));
  w::paragraph(dr.service.name);
  for (size_t i = 0; i < dr.schema.fields.size() && i < dr.form.fields.size(); ++i) {
    const auto& f = dr.schema.fields[i];
    if (f.kind == forms::FieldKind::note || f.kind == forms::FieldKind::attachments) continue;
    if (forms::field_inactive(dr.schema, dr.form, i)) continue;
    std::string v = value_text(s, f, dr.form.fields[i].value);
    w::paragraph(label_of(s, f), true);
    w::paragraph(v.empty() ? std::string(tr(s.lang, "ui.empty_value")) : v);
    auto& n = sem::add_for_last_item("review/" + f.id, "text", label_of(s, f));
    n.value = v;
  }
  std::size_t photos_picked = 0, ready = 0, memos = 0, videos = 0;
  for (const auto& a : dr.attachments) {
    if (a.kind == app::AttachmentKind::voice) {
      memos += a.phase == app::AttachmentPhase::ready;
      continue;
    }
    if (a.kind == app::AttachmentKind::video) {
      videos += a.phase == app::AttachmentPhase::ready;
      continue;
    }
    photos_picked++;
    ready += a.phase == app::AttachmentPhase::ready;
  }
  if (photos_picked) {
    const std::string photos = format(s.lang, "ui.photo.review_count", {{"n", std::to_string(ready)}});
    w::paragraph(photos);
    sem::add_for_last_item("review/photos", "text", photos);
  }
  if (memos) {
    const std::string voice = format(s.lang, "ui.voice.review_count", {{"n", std::to_string(memos)}});
    w::paragraph(voice);
    sem::add_for_last_item("review/voice", "text", voice);
  }
  if (videos) {
    const std::string film = format(s.lang, "ui.video.review_count", {{"n", std::to_string(videos)}});
    w::paragraph(film);
    sem::add_for_last_item("review/videos", "text", film);
  }
  if (dr.submit_error) w::alert("error", explain(s.lang, *dr.submit_error));
  bool busy = dr.submit_phase == app::Phase::loading;
  if (w::button("submit", std::string(tr(s.lang, busy ? "ui.submitting" : "ui.submit")), w::Kind::primary, -1, busy))
    d(app::SubmitPressed{});
  if (w::button("edit", std::string(tr(s.lang, "ui.edit")))) d(app::BackPressed{});
}

}  // namespace civic::ui::screens
