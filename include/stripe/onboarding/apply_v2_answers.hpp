#pragma once
/// \file
/// Applying answers to a v2 plan: the same answers and the same validation as apply_answers
/// (validate_answers serves both), turned into one v2::core::AccountUpdateParams, the v2
/// person creates and updates (client.v2().core().persons()), the bank account (a v1 call,
/// which takes a v2 account's id) and the document uploads still missing.
#include <cstdint>
#include <string>
#include <vector>

#include "stripe/detail/rfc3339.hpp"
#include "stripe/onboarding/apply_answers.hpp"
#include "stripe/v2/core/accounts.hpp"
#include "stripe/v2/core/persons.hpp"

namespace stripe::onboarding {

/// One v2 Persons call: update `person` with update_params, or create a person with `role`
/// and create_params when person is empty (v2 types the two params apart).
struct V2PersonCall {
  std::string person;  ///< person_... to update; empty: create one
  std::string role;    ///< representative | owner | director | executive: set on the created person
  v2::core::PersonCreateParams create_params;  ///< the create, when creates()
  v2::core::PersonUpdateParams update_params;  ///< the update, otherwise
  /// Whether this call creates a person.
  bool creates() const { return person.empty(); }
};

/// The calls that send a set of answers to a v2 account, in the order submit_answers makes them.
struct AppliedV2Answers {
  std::vector<V2PersonCall> persons;  ///< in plan order: people first, so the account's attestations follow them
  v2::core::AccountUpdateParams account;  ///< the account's own fields; send only when updates_account
  bool updates_account = false;  ///< whether any answer went on the account
  std::vector<v1::ExternalAccountCreateParams> external_accounts;  ///< the bank account to add (zero or one)
  std::vector<UploadNeeded> uploads_needed;  ///< document fields still without a file id
};

namespace detail {

// Puts a validated answer at its field's JSON path (wire_key) in a v2 request body.
inline void set_v2_value(nlohmann::json& body, const PlanField& f, const std::string& v) {
  nlohmann::json* at = &body;
  std::string path = f.wire_key;
  for (std::size_t dot = path.find('.'); dot != std::string::npos; dot = path.find('.')) {
    at = &(*at)[path.substr(0, dot)];
    path = path.substr(dot + 1);
  }
  nlohmann::json& slot = (*at)[path];
  switch (f.v2_value) {
    case V2Value::text: slot = v; break;
    case V2Value::integer: slot = *parse_integer(v, 0, 9999); break;
    case V2Value::boolean: slot = v == "true"; break;
    case V2Value::timestamp: slot = stripe::detail::rfc3339_utc(*parse_integer(v, 1, 253402300799)); break;
    case V2Value::list_item: slot.push_back(v); break;
    case V2Value::id_number: slot.push_back({{"type", f.id_number_type}, {"value", v}}); break;
    case V2Value::document: slot = {{"type", "front_back"}, {"front_back", {{"front", v}}}}; break;
  }
}

}  // namespace detail

/// The calls that send `answers` to the v2 account of `plan` (see AppliedV2Answers), after
/// validate_answers: throws the first problem as an InvalidParamsError naming the field.
/// Document fields without an answer are listed in uploads_needed; nothing else unanswered is
/// an error, so forms can be sent one at a time. A v1 plan is refused: use apply_answers.
inline AppliedV2Answers apply_v2_answers(const CollectionPlan& plan, const Answers& answers) {
  if (!plan.v2) throw detail::wrong_plan("a v1 plan: apply it with apply_answers");
  AppliedV2Answers out;
  nlohmann::json account = nlohmann::json::object();
  std::vector<nlohmann::json> people;  // one body per out.persons entry
  auto person_body = [&](const Target& t) -> nlohmann::json& {
    for (std::size_t i = 0; i < out.persons.size(); ++i)
      if (out.persons[i].person == t.person && out.persons[i].role == t.role) return people[i];
    V2PersonCall c;
    c.person = t.person;
    c.role = t.role;
    nlohmann::json body = nlohmann::json::object();
    if (c.creates() && !t.role.empty()) body["relationship"][t.role] = true;  // v2 Relationship names the roles alike
    out.persons.push_back(std::move(c));
    people.push_back(std::move(body));
    return people.back();
  };
  detail::for_each_answer(plan, answers, out.uploads_needed, [&](const PlanField& f, const std::string& v) {
    if (f.type == ValueType::bank_account) {
      out.external_accounts.push_back(detail::bank_account_from_token(v));
    } else if (!f.target.person.empty() || !f.target.role.empty()) {
      detail::set_v2_value(person_body(f.target), f, v);
    } else {
      detail::set_v2_value(account, f, v);
      out.updates_account = true;
    }
  });
  if (auto bank = detail::bank_account_from_details(answers)) out.external_accounts.push_back(std::move(*bank));
  // v2 person creates require an address's country: the account's, unless the user gave one.
  for (std::size_t i = 0; i < out.persons.size(); ++i) {
    nlohmann::json& body = people[i];
    if (body.contains("address") && !body["address"].contains("country")) body["address"]["country"] = plan.country;
    if (out.persons[i].creates()) {
      out.persons[i].create_params = decode<v2::core::PersonCreateParams>(body);
    } else {
      out.persons[i].update_params = decode<v2::core::PersonUpdateParams>(body);
    }
  }
  if (out.updates_account) out.account = decode<v2::core::AccountUpdateParams>(account);
  return out;
}

/// Sends applied v2 answers to an account: persons first (created or updated), then the
/// account update, then the bank account; returns the account as it then stands, with its
/// requirements and identity. Upload documents before applying: their file ids are answers.
inline Result<v2::core::Account> submit_answers(const Client& client, const std::string& account,
                                                const AppliedV2Answers& applied, const RequestOptions& ro = {}) {
  for (const auto& call : applied.persons) {
    if (call.creates()) {
      client.v2().core().persons().create(account, call.create_params, ro);
    } else {
      client.v2().core().persons().update(account, call.person, call.update_params, ro);
    }
  }
  if (applied.updates_account) client.v2().core().accounts().update(account, applied.account, ro);
  for (const auto& bank : applied.external_accounts) client.v1().external_accounts().create(account, bank, ro);
  v2::core::AccountRetrieveParams include;
  include.include = std::vector<v2::core::AccountRetrieveParams::Include>{"requirements", "identity"};
  return client.v2().core().accounts().retrieve(account, include, ro);
}

}  // namespace stripe::onboarding
