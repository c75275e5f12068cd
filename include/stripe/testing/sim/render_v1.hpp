#pragma once
// v1 rendering: an account and its capabilities as the v1 API shows them, through the typed
// models, so every response uses the schema's fields.
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

#include "stripe/encoding/model.hpp"
#include "stripe/testing/sim/render_bank_account.hpp"
#include "stripe/testing/sim/requirements.hpp"
#include "stripe/v1/account.hpp"
#include "stripe/v1/capability.hpp"

namespace stripe::testing::sim {

// Only string fields: form values arrive as text and the typed model checks types.
inline json pick(const json& from, std::initializer_list<const char*> keys) {
  json out = json::object();
  for (const char* k : keys)
    if (from.contains(k) && from[k].is_string()) out[k] = from[k];
  return out;
}

inline std::string default_currency(const std::string& country) {
  static const std::map<std::string, std::string> m = {{"US", "usd"}, {"GB", "gbp"}, {"DE", "eur"},
                                                       {"FR", "eur"}, {"JP", "jpy"}, {"SG", "sgd"}};
  auto it = m.find(country);
  return it == m.end() ? "usd" : it->second;
}

inline std::vector<v1::Account::Requirements::Errors> errors_of(const Account& a) {
  std::vector<v1::Account::Requirements::Errors> out;
  for (const auto& i : a.items)
    if (!i.error_code.empty()) {
      v1::Account::Requirements::Errors e;
      e.code = v1::Account::Requirements::Errors::Code(std::string(i.error_code));
      e.reason = i.error_reason;
      e.requirement = shown_name(a, i);
      out.push_back(std::move(e));
    }
  return out;
}

// The API sends a nullable field it has no value for as null, not absent (seed 002's new account:
// "current_deadline": null); encode() leaves absent optionals out.
inline void present_as_null(json& object, std::initializer_list<const char*> keys) {
  for (const char* key : keys)
    if (!object.contains(key)) object[key] = nullptr;
}

// A stored address (the strings the form sent) as a typed address; values that are not strings
// (a hostile form's nested hash) are left out rather than failing the whole answer.
template <class Address>
Address typed_address(const json& stored) {
  struct Strings {
    const json& from;
    void operator()(const char* key, std::optional<std::string>& field) {
      auto it = from.find(key);
      if (it != from.end() && it->is_string()) field = it->get<std::string>();
    }
  } strings{stored};
  Address out;
  Address::describe(out, strings);
  return out;
}

// The v1 Account object, as GET /v1/accounts/{id} answers it.
inline json render_v1(const Account& a) {
  v1::Account out;
  out.id = a.id;
  out.object = "account";
  if (!a.type.empty()) out.type = v1::Account::Type(std::string(a.type));
  out.business_type = v1::Account::BusinessType(std::string(a.business_type));
  out.country = a.country;
  out.created = a.created;
  out.default_currency = default_currency(a.country);
  out.email = a.email;
  out.details_submitted = a.details_submitted;
  out.charges_enabled = charges_enabled(a);
  out.payouts_enabled = payouts_enabled(a);
  for (const auto& cap : a.capabilities) out.capabilities[cap] = v1::Account::CapabilityStatus(capability_status(a, cap));
  out.controller = decode<v1::Account::Controller>(a.controller);
  if (a.business_profile.is_object())
    out.business_profile = decode<v1::Account::BusinessProfile>(
        pick(a.business_profile, {"name", "url", "mcc", "product_description", "support_email", "support_phone",
                                  "support_url"}));
  v1::Account::Requirements r;
  r.alternatives.emplace();
  r.currently_due = currently_due(a);
  r.eventually_due = eventually_due(a);
  r.past_due = a.past_deadline ? currently_due(a) : std::vector<std::string>{};
  r.pending_verification = pending(a);
  r.errors = errors_of(a);
  if (a.current_deadline && !r.currently_due->empty()) r.current_deadline = *a.current_deadline;
  if (!a.rejected.empty()) r.disabled_reason = v1::Account::Requirements::DisabledReason(std::string(a.rejected));
  else if (!r.past_due->empty()) r.disabled_reason = "requirements.past_due";
  // The API-onboarding guide's new account: currently_due items, an empty past_due and
  // "disabled_reason": "requirements.past_due". Items with a deadline still ahead disable nothing.
  else if (!out.charges_enabled && !out.payouts_enabled && due_without_grace(a))
    r.disabled_reason = "requirements.past_due";
  else if (!out.charges_enabled && !out.payouts_enabled && r.currently_due->empty() && !r.pending_verification->empty())
    r.disabled_reason = "requirements.pending_verification";
  out.requirements = std::move(r);
  v1::Account::Requirements f;
  f.alternatives.emplace();
  f.currently_due.emplace();
  f.eventually_due = future_due(a);
  if (a.future_deadline && !f.eventually_due->empty()) f.current_deadline = *a.future_deadline;
  f.past_due.emplace();
  f.pending_verification.emplace();
  f.errors.emplace();
  out.future_requirements = std::move(f);
  v1::Account::TosAcceptance tos;
  tos.date = a.tos_date;
  tos.ip = a.tos_ip;
  tos.service_agreement = a.service_agreement;
  out.tos_acceptance = tos;
  for (auto it = a.metadata.begin(); it != a.metadata.end(); ++it)
    if (it.value().is_string()) out.metadata[it.key()] = it.value().get<std::string>();
  if (a.individual.is_object() && a.business_type == "individual") {
    auto ind = decode<v1::Account::Individual>(
        pick(a.individual, {"first_name", "last_name", "email", "phone", "gender", "nationality", "first_name_kana",
                            "last_name_kana", "first_name_kanji", "last_name_kanji", "political_exposure"}));
    if (a.individual.contains("dob") && a.individual["dob"].is_object()) {
      // Stored as the form sent it (strings); the API answers numbers, null where not given.
      const json& dob = a.individual["dob"];
      auto& out_dob = ind.dob.emplace();
      if (!param(dob, "day").empty()) out_dob.day = std::stoll(param(dob, "day"));
      if (!param(dob, "month").empty()) out_dob.month = std::stoll(param(dob, "month"));
      if (!param(dob, "year").empty()) out_dob.year = std::stoll(param(dob, "year"));
    }
    if (a.individual.contains("address") && a.individual["address"].is_object())
      ind.address = typed_address<v1::Account::Individual::Address>(a.individual["address"]);
    ind.object = "person";
    ind.account = a.id;
    ind.id = "person_" + a.id.substr(5);
    ind.created = a.created;
    out.individual = std::move(ind);
  }
  if (a.company.is_object()) {
    auto co = decode<v1::Account::Company>(pick(a.company, {"name", "phone", "structure", "name_kana", "name_kanji"}));
    auto flag = [&](const char* key) -> std::optional<bool> {
      if (!a.company.contains(key)) return std::nullopt;
      return a.company[key] == "true" || a.company[key] == true;
    };
    co.directors_provided = flag("directors_provided");
    co.executives_provided = flag("executives_provided");
    co.owners_provided = flag("owners_provided");
    if (a.company.contains("tax_id")) co.tax_id_provided = true;
    if (a.company.contains("address") && a.company["address"].is_object())
      co.address = typed_address<v1::Account::Company::Address>(a.company["address"]);
    out.company = std::move(co);
  }
  json j = encode(out);
  present_as_null(j, {"business_type", "email", "default_currency"});
  for (const char* hash : {"requirements", "future_requirements"}) present_as_null(j[hash], {"current_deadline", "disabled_reason"});
  present_as_null(j["tos_acceptance"], {"date", "ip", "user_agent"});
  if (j.contains("individual")) present_as_null(j["individual"], {"dob", "address"});
  if (j.contains("company")) present_as_null(j["company"], {"address"});
  j["external_accounts"] = external_accounts_list(a);
  return j;
}

// The v1 Capability object of one capability, requested or not.
inline json render_capability(const Account& a, const std::string& cap) {
  v1::Capability c;
  c.id = cap;
  c.object = "capability";
  c.account.id = a.id;
  bool requested = has_cap(a, cap);
  c.requested = requested;
  if (requested) c.requested_at = a.requested_at.at(cap);
  c.status = requested ? v1::Capability::Status(capability_status(a, cap)) : v1::Capability::Status("unrequested");
  v1::Capability::Requirements r;
  r.alternatives.emplace();
  if (requested) {
    r.currently_due = currently_due(a, cap);
    r.past_due = a.past_deadline ? r.currently_due : std::vector<std::string>{};
    r.pending_verification = pending(a, cap);
    r.eventually_due = r.currently_due;
    for (const auto& i : a.items)
      if (i.state == Item::State::due && i.spec->eventually && !i.escalated &&
          (i.spec->capability.empty() || i.spec->capability == cap))
        r.eventually_due.push_back(shown_name(a, i));
    if (a.current_deadline && !r.currently_due.empty()) r.current_deadline = *a.current_deadline;
    if (!a.rejected.empty()) r.disabled_reason = "rejected.other";
    else if (!r.past_due.empty()) r.disabled_reason = "requirements.past_due";
    else if (c.status == "inactive") r.disabled_reason = "requirements.fields_needed";
    else if (c.status == "pending") r.disabled_reason = "pending.review";
    for (const auto& e : errors_of(a)) {
      v1::Capability::Requirements::Errors ce;
      ce.code = v1::Capability::Requirements::Errors::Code(std::string(e.code.value()));
      ce.reason = e.reason;
      ce.requirement = e.requirement;
      r.errors.push_back(std::move(ce));
    }
  }
  c.requirements = r;
  v1::Capability::Requirements f;
  f.alternatives.emplace();
  c.future_requirements = f;
  json j = encode(c);
  present_as_null(j, {"requested_at"});
  for (const char* hash : {"requirements", "future_requirements"}) present_as_null(j[hash], {"current_deadline", "disabled_reason"});
  return j;
}

}  // namespace stripe::testing::sim
