#pragma once
/// \file
/// Where each requirement the SDK knows goes in the v2 params: the JSON path in
/// v2::core::AccountUpdateParams (identity.business_details.registered_name) or in the v2
/// person params (given_name), and how the answer's text becomes its JSON value there. A v2
/// requirement entry is read under two names: the v1-style description the simulator gives
/// (representative.first_name, company.name) and the v2 API's own, which is the v2 param path
/// (identity.individual.given_name; given_name on an entry whose reference is a person).
#include <string>
#include <string_view>
#include <vector>

#include "stripe/onboarding/field_catalog.hpp"
#include "stripe/v2/core/account_params.hpp"
#include "stripe/v2/core/person_params.hpp"

namespace stripe::onboarding {

/// How an answer's text becomes its value in the v2 JSON params.
enum class V2Value {
  text,       ///< as typed
  integer,    ///< a date-of-birth part: a JSON number
  boolean,    ///< true or false: a JSON boolean
  timestamp,  ///< Unix seconds, sent as an RFC 3339 time (v2 attestations take timestamps)
  list_item,  ///< one item of a list of strings (nationalities)
  id_number,  ///< one {type, value} item of id_numbers; the type is PlanField::id_number_type
  document,   ///< a file id, sent as {type: front_back, front_back: {front: file_...}}
};

/// One known requirement's v2 parameter. `key` is relative as in FieldSpec (dob.day of a
/// person, company.name of the account); `path` is relative to the v2 person params for a
/// person field, to v2::core::AccountUpdateParams for an account field.
struct V2ParamSpec {
  std::string key;   ///< the v1-style requirement (FieldSpec::key) it satisfies
  std::string path;  ///< dotted JSON path in the v2 params
  V2Value value = V2Value::text;  ///< how the answer is sent
  std::vector<std::string> allowed_values;  ///< when v2 has its own enum: its known values
  std::string allowed_values_source;  ///< the generated v2 type allowed_values come from
};

namespace detail {

inline V2ParamSpec v2_param(std::string key, std::string path, V2Value value = V2Value::text) {
  V2ParamSpec s;
  s.key = std::move(key);
  s.path = std::move(path);
  s.value = value;
  return s;
}

template <class Enum>
V2ParamSpec v2_enum_param(std::string key, std::string path, std::string source) {
  V2ParamSpec s = v2_param(std::move(key), std::move(path));
  s.allowed_values = known_values_of<Enum>();
  s.allowed_values_source = std::move(source);
  return s;
}

}  // namespace detail

/// A person's fields in v2::core::PersonCreateParams / PersonUpdateParams, and (under
/// identity.individual) in AccountUpdateParams. Person fields not listed (the Kana and Kanji
/// names) have no v2 parameter the SDK fills: a v2 plan keeps them as "other".
inline const std::vector<V2ParamSpec>& v2_person_param_specs() {
  using detail::v2_param;
  using V = V2Value;
  using Person = v2::core::PersonCreateParams;
  static const std::vector<V2ParamSpec> table = {
      v2_param("first_name", "given_name"),
      v2_param("last_name", "surname"),
      v2_param("email", "email"),
      v2_param("phone", "phone"),
      v2_param("dob.day", "date_of_birth.day", V::integer),
      v2_param("dob.month", "date_of_birth.month", V::integer),
      v2_param("dob.year", "date_of_birth.year", V::integer),
      v2_param("address.line1", "address.line1"),
      v2_param("address.line2", "address.line2"),
      v2_param("address.city", "address.city"),
      v2_param("address.state", "address.state"),
      v2_param("address.postal_code", "address.postal_code"),
      v2_param("address.country", "address.country"),
      v2_param("nationality", "nationalities", V::list_item),
      v2_param("id_number", "id_numbers", V::id_number),  // before ssn_last_4: the v2 name id_numbers reads as it
      v2_param("ssn_last_4", "id_numbers", V::id_number),
      detail::v2_enum_param<Person::PoliticalExposure>("political_exposure", "political_exposure",
                                                       "stripe::v2::core::PersonCreateParams::PoliticalExposure::known_values"),
      detail::v2_enum_param<Person::LegalGender>("gender", "legal_gender",
                                                 "stripe::v2::core::PersonCreateParams::LegalGender::known_values"),
      v2_param("relationship.title", "relationship.title"),
      v2_param("relationship.percent_ownership", "relationship.percent_ownership"),  // a string in v2
      v2_param("verification.document", "documents.primary_verification", V::document),
      v2_param("verification.additional_document", "documents.secondary_verification", V::document),
  };
  return table;
}

/// The account's own fields in v2::core::AccountUpdateParams. Account fields not listed
/// (business_profile.mcc and support details, the company document) have no v2 parameter the
/// SDK fills; external_account is not here either: v2 plans keep it as a v1 bank account.
inline const std::vector<V2ParamSpec>& v2_account_param_specs() {
  using detail::v2_param;
  using V = V2Value;
  using Identity = v2::core::AccountUpdateParams::Identity;
  static const std::vector<V2ParamSpec> table = {
      detail::v2_enum_param<Identity::EntityType>("business_type", "identity.entity_type",
                                                  "stripe::v2::core::AccountUpdateParams::Identity::EntityType::known_values"),
      v2_param("business_profile.name", "defaults.profile.doing_business_as"),
      v2_param("business_profile.url", "defaults.profile.business_url"),
      v2_param("business_profile.product_description", "defaults.profile.product_description"),
      v2_param("company.name", "identity.business_details.registered_name"),
      v2_param("company.phone", "identity.business_details.phone"),
      v2_param("company.tax_id", "identity.business_details.id_numbers", V::id_number),
      detail::v2_enum_param<Identity::BusinessDetails::Structure>(
          "company.structure", "identity.business_details.structure",
          "stripe::v2::core::AccountUpdateParams::Identity::BusinessDetails::Structure::known_values"),
      v2_param("company.address.line1", "identity.business_details.address.line1"),
      v2_param("company.address.line2", "identity.business_details.address.line2"),
      v2_param("company.address.city", "identity.business_details.address.city"),
      v2_param("company.address.state", "identity.business_details.address.state"),
      v2_param("company.address.postal_code", "identity.business_details.address.postal_code"),
      v2_param("company.address.country", "identity.business_details.address.country"),
      v2_param("company.owners_provided", "identity.attestations.persons_provided.owners", V::boolean),
      v2_param("company.directors_provided", "identity.attestations.persons_provided.directors", V::boolean),
      v2_param("company.executives_provided", "identity.attestations.persons_provided.executives", V::boolean),
      v2_param("company.ownership_declaration.date", "identity.attestations.ownership_declaration.date", V::timestamp),
      v2_param("company.ownership_declaration.ip", "identity.attestations.ownership_declaration.ip"),
      v2_param("tos_acceptance.date", "identity.attestations.terms_of_service.account.date", V::timestamp),
      v2_param("tos_acceptance.ip", "identity.attestations.terms_of_service.account.ip"),
      v2_param("tos_acceptance.user_agent", "identity.attestations.terms_of_service.account.user_agent"),
  };
  return table;
}

/// The v2 parameter of a person field (`dob.day`), or nullptr when v2 has none the SDK fills.
inline const V2ParamSpec* find_v2_person_param(std::string_view key) {
  return detail::find_by_key(v2_person_param_specs(), key);
}

/// The v2 parameter of an account field (`company.name`), or nullptr when v2 has none the SDK fills.
inline const V2ParamSpec* find_v2_account_param(std::string_view key) {
  return detail::find_by_key(v2_account_param_specs(), key);
}

/// The id_numbers[].type an ID number is sent with in v2, for a country ("" when the SDK does
/// not know it): a person's full ID number, the last four of a US SSN, or a company's tax ID.
inline std::string v2_id_number_type(std::string_view key, std::string_view country) {
  if (key == "ssn_last_4") return country == "US" ? "us_ssn_last_4" : "";
  if (key == "company.tax_id") return country == "US" ? "us_ein" : country == "GB" ? "gb_crn" : "";
  if (country == "US") return "us_ssn";
  if (country == "GB") return "gb_nino";
  if (country == "SG") return "sg_nric";
  return "";
}

/// A v2 entry's description in the v1-style name the catalog knows (relative to the person
/// when the entry's reference is one). The simulator already
/// describes entries so (representative.first_name); the v2 API names the param instead
/// (identity.business_details.registered_name, identity.individual.given_name, and given_name
/// relative to the person an entry's reference names). Anything else comes back unchanged.
inline std::string v1_style_requirement(const std::string& description, bool person_reference) {
  if (person_reference) {  // relative to the person: given_name, or the simulator's representative.first_name
    for (const char* role : {"representative.", "owners.", "directors.", "executives.", "individual."})
      if (description.rfind(role, 0) == 0) return description.substr(std::string_view(role).size());
    for (const auto& s : v2_person_param_specs())
      if (s.path == description) return s.key;
    return description;
  }
  for (const auto& s : v2_account_param_specs())
    if (s.path == description) return s.key;
  const std::string individual = "identity.individual.";
  if (description.rfind(individual, 0) == 0)
    for (const auto& s : v2_person_param_specs())
      if (s.path == description.substr(individual.size())) return "individual." + s.key;
  return description;
}

}  // namespace stripe::onboarding
