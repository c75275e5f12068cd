#pragma once
/// \file
/// What the SDK knows about each v1 requirement string: the form group it belongs in, the kind
/// of value it takes, an English label and description, and (for enums) the allowed values.
/// The collection plan and apply_answers read it; a requirement it does not list is kept as an
/// "other" field, never dropped.
#include <string>
#include <string_view>
#include <vector>

#include "stripe/v1/account_params.hpp"
#include "stripe/v1/file_params.hpp"
#include "stripe/v1/person_params.hpp"

namespace stripe::onboarding {

/// The forms of a collection plan, in the order a platform asks for them.
enum class Group {
  business_details,  ///< business_type, business_profile.*, company.*
  representative,    ///< the person behind the account: the individual, or a company's representative
  owners,            ///< a company's owners, and the declaration that all are provided
  directors,         ///< a company's directors, and the declaration that all are provided
  executives,        ///< a company's executives, and the declaration that all are provided
  bank_account,      ///< external_account: where payouts go
  terms_of_service,  ///< tos_acceptance.*: when and from where the user accepted
  documents,         ///< identity and company documents, uploaded as files
  other,             ///< any requirement the SDK does not know yet, kept with its raw string
};

/// Every group, in plan order.
inline constexpr Group all_groups[] = {Group::business_details, Group::representative, Group::owners,
                                       Group::directors,        Group::executives,     Group::bank_account,
                                       Group::terms_of_service, Group::documents,      Group::other};

/// The English title of a group ("Business details", ...), stable enough to store.
inline const char* to_string(Group g) {
  switch (g) {
    case Group::business_details: return "Business details";
    case Group::representative: return "Representative";
    case Group::owners: return "Owners";
    case Group::directors: return "Directors";
    case Group::executives: return "Executives";
    case Group::bank_account: return "Bank account";
    case Group::terms_of_service: return "Terms of service";
    case Group::documents: return "Documents";
    case Group::other: return "Other";
  }
  return "Other";
}

/// The kind of value a field takes, which decides its input control and its validation.
enum class ValueType {
  text,          ///< free text, not empty
  email,         ///< an email address
  phone,         ///< a phone number: an optional +, then 7 to 15 digits (E.164 allows 15)
  url,           ///< an absolute http(s) URL
  day,           ///< day of a date of birth, 1-31 (checked against the month and year)
  month,         ///< month of a date of birth, 1-12
  year,          ///< year of a date of birth, four digits, 1900 or later
  country,       ///< an ISO 3166-1 alpha-2 code, e.g. US
  currency,      ///< a three-letter ISO 4217 code in lower case, e.g. gbp
  enumeration,   ///< one of allowed_values
  boolean,       ///< true or false
  unix_time,     ///< a Unix timestamp in seconds
  ip_address,    ///< an IPv4 or IPv6 address
  percent,       ///< a number from 0 to 100
  four_digits,   ///< exactly four digits (ssn_last_4, mcc)
  file,          ///< the id of an uploaded file (file_...)
  bank_account,  ///< a bank account token (btok_... or tok_..., e.g. from Stripe.js)
  unknown,       ///< a requirement the SDK does not know: no validation, no parameter
};

/// The name of a value type ("text", "email", ...), for logs and form renderers.
inline const char* to_string(ValueType t) {
  switch (t) {
    case ValueType::text: return "text";
    case ValueType::email: return "email";
    case ValueType::phone: return "phone";
    case ValueType::url: return "url";
    case ValueType::day: return "day";
    case ValueType::month: return "month";
    case ValueType::year: return "year";
    case ValueType::country: return "country";
    case ValueType::currency: return "currency";
    case ValueType::enumeration: return "enumeration";
    case ValueType::boolean: return "boolean";
    case ValueType::unix_time: return "unix_time";
    case ValueType::ip_address: return "ip_address";
    case ValueType::percent: return "percent";
    case ValueType::four_digits: return "four_digits";
    case ValueType::file: return "file";
    case ValueType::bank_account: return "bank_account";
    case ValueType::unknown: return "unknown";
  }
  return "unknown";
}

/// One known requirement, relative to what it belongs to: `dob.day` of a person (or of
/// `individual.`), `business_profile.url` of the account.
struct FieldSpec {
  std::string key;          ///< the requirement, relative: dob.day, company.name, external_account
  std::string param;        ///< the parameter path it sets, dotted: dob.day, verification.document.front
  Group group = Group::other;  ///< account fields only: person fields take their person's group
  ValueType type = ValueType::text;  ///< what the answer is
  std::string label;        ///< English form label
  std::string description;  ///< one English line under the label
  std::vector<std::string> allowed_values;  ///< enumeration only
  std::string allowed_values_source;  ///< where allowed_values come from (a generated type, or "hand-written")
  std::string file_purpose;  ///< file only: the FileCreateParams purpose of the upload
  bool person_only = false;  ///< a Person parameter with no typed twin under AccountUpdateParams::individual
};

namespace detail {

template <class Enum>
std::vector<std::string> known_values_of() {
  std::vector<std::string> out;
  for (std::string_view v : Enum::known_values) out.emplace_back(v);
  return out;
}

inline FieldSpec spec(std::string key, ValueType type, std::string label, std::string description,
                      Group group = Group::other) {
  FieldSpec s;
  s.param = key;
  s.key = std::move(key);
  s.group = group;
  s.type = type;
  s.label = std::move(label);
  s.description = std::move(description);
  return s;
}

template <class Enum>
FieldSpec enum_spec(std::string key, std::string label, std::string description, std::string source,
                    Group group = Group::other) {
  FieldSpec s = spec(std::move(key), ValueType::enumeration, std::move(label), std::move(description), group);
  s.allowed_values = known_values_of<Enum>();
  s.allowed_values_source = std::move(source);
  return s;
}

inline FieldSpec document_spec(std::string key, std::string label, std::string description, std::string purpose,
                               Group group = Group::documents) {
  FieldSpec s = spec(key, ValueType::file, std::move(label), std::move(description), group);
  s.param = std::move(key) + ".front";
  s.file_purpose = std::move(purpose);
  return s;
}

// The entry of a catalog table with this key, or nullptr: every table is looked up this way.
template <class Spec>
const Spec* find_by_key(const std::vector<Spec>& table, std::string_view key) {
  for (const auto& s : table)
    if (s.key == key) return &s;
  return nullptr;
}

}  // namespace detail

/// The fields of a person, relative to it: they follow `individual.`, `representative.`,
/// `owners.`, `directors.`, `executives.` or `person_....` in a requirement string.
inline const std::vector<FieldSpec>& person_field_specs() {
  using detail::spec;
  using V = ValueType;
  static const std::vector<FieldSpec> table = [] {
    std::vector<FieldSpec> t = {
        spec("first_name", V::text, "First name", "Legal first name, as on the identity document."),
        spec("last_name", V::text, "Last name", "Legal last name, as on the identity document."),
        spec("first_name_kana", V::text, "First name (Kana)", "First name in Kana (Japan only)."),
        spec("last_name_kana", V::text, "Last name (Kana)", "Last name in Kana (Japan only)."),
        spec("first_name_kanji", V::text, "First name (Kanji)", "First name in Kanji (Japan only)."),
        spec("last_name_kanji", V::text, "Last name (Kanji)", "Last name in Kanji (Japan only)."),
        spec("email", V::email, "Email", "An email address Stripe may use to reach this person."),
        spec("phone", V::phone, "Phone", "A phone number, with the country code (+44...)."),
        spec("dob.day", V::day, "Day of birth", "Day of the month of the date of birth."),
        spec("dob.month", V::month, "Month of birth", "Month of the date of birth, 1 to 12."),
        spec("dob.year", V::year, "Year of birth", "Year of the date of birth, four digits."),
        spec("address.line1", V::text, "Address", "Street address, PO box or company name of the home address."),
        spec("address.line2", V::text, "Address line 2", "Apartment, suite, unit or building."),
        spec("address.city", V::text, "City", "City, district, suburb, town or village."),
        spec("address.state", V::text, "State", "State, county, province or region."),
        spec("address.postal_code", V::text, "Postal code", "ZIP or postal code."),
        spec("address.country", V::country, "Country", "Two-letter country code of the address (ISO 3166-1)."),
        spec("address_kana.line1", V::text, "Address (Kana)", "Street address in Kana (Japan only)."),
        spec("address_kanji.line1", V::text, "Address (Kanji)", "Street address in Kanji (Japan only)."),
        spec("nationality", V::country, "Nationality", "Two-letter code of the country of nationality."),
        spec("id_number", V::text, "ID number", "Government-issued ID number (the full SSN in the US)."),
        spec("ssn_last_4", V::four_digits, "Last 4 of SSN", "The last four digits of the Social Security number (US only)."),
        detail::enum_spec<v1::PersonCreateParams::PoliticalExposure>(
            "political_exposure", "Political exposure", "Whether this person holds or held an important public function.",
            "stripe::v1::PersonCreateParams::PoliticalExposure::known_values"),
        spec("gender", V::enumeration, "Gender", "Gender, as international regulations require it."),
        spec("relationship.title", V::text, "Job title", "This person's title at the business (CEO, Director...)."),
        spec("relationship.percent_ownership", V::percent, "Ownership (%)", "The percent of the business this person owns."),
        detail::document_spec("verification.document", "Identity document",
                              "A passport or national ID card, uploaded as a file.", "identity_document"),
        detail::document_spec("verification.additional_document", "Proof of address",
                              "A document showing the address, such as a utility bill, uploaded as a file.",
                              "additional_verification"),
    };
    for (auto& s : t) {
      if (s.key == "gender") {
        // The schema types gender as a string; its description names the two values.
        s.allowed_values = {"male", "female"};
        s.allowed_values_source = "hand-written, from the schema's description of gender";
      }
      // AccountUpdateParams::individual has no nationality, and takes relationship as untyped JSON.
      if (s.key.rfind("relationship.", 0) == 0 || s.key == "nationality") s.person_only = true;
    }
    return t;
  }();
  return table;
}

/// The fields of the account itself, by their full requirement string.
inline const std::vector<FieldSpec>& account_field_specs() {
  using detail::spec;
  using V = ValueType;
  using G = Group;
  using Company = v1::AccountUpdateParams::Company;
  static const std::vector<FieldSpec> table = {
      detail::enum_spec<v1::AccountUpdateParams::BusinessType>(
          "business_type", "Business type", "The kind of legal entity: individual, company, non-profit...",
          "stripe::v1::AccountUpdateParams::BusinessType::known_values", G::business_details),
      spec("business_profile.name", V::text, "Business name", "The name customers see.", G::business_details),
      spec("business_profile.url", V::url, "Website", "The business's website, where its products are described.",
           G::business_details),
      spec("business_profile.mcc", V::four_digits, "Merchant category code",
           "The four-digit ISO 18245 code of the business's industry.", G::business_details),
      spec("business_profile.product_description", V::text, "Product description",
           "What the business sells, in a few words.", G::business_details),
      spec("business_profile.support_phone", V::phone, "Support phone", "A phone number customers can call.",
           G::business_details),
      spec("business_profile.support_email", V::email, "Support email", "An email address customers can write to.",
           G::business_details),
      spec("business_profile.support_url", V::url, "Support website", "A page where customers get help.",
           G::business_details),
      spec("company.name", V::text, "Company name", "The legal name, as registered with the government.",
           G::business_details),
      spec("company.name_kana", V::text, "Company name (Kana)", "The legal name in Kana (Japan only).",
           G::business_details),
      spec("company.name_kanji", V::text, "Company name (Kanji)", "The legal name in Kanji (Japan only).",
           G::business_details),
      spec("company.phone", V::phone, "Company phone", "The company's phone number, with the country code.",
           G::business_details),
      spec("company.tax_id", V::text, "Tax ID", "The business ID number (EIN in the US, UTR or CRN in the UK).",
           G::business_details),
      spec("company.vat_id", V::text, "VAT number", "The VAT number, where the company has one.", G::business_details),
      spec("company.registration_number", V::text, "Registration number",
           "The number the company is registered under.", G::business_details),
      detail::enum_spec<Company::Structure>("company.structure", "Company structure",
                                            "The legal structure (LLC, private company...).",
                                            "stripe::v1::AccountUpdateParams::Company::Structure::known_values",
                                            G::business_details),
      spec("company.address.line1", V::text, "Company address", "Street address of the registered office.",
           G::business_details),
      spec("company.address.line2", V::text, "Company address line 2", "Suite, unit or building.", G::business_details),
      spec("company.address.city", V::text, "City", "City, district, suburb, town or village.", G::business_details),
      spec("company.address.state", V::text, "State", "State, county, province or region.", G::business_details),
      spec("company.address.postal_code", V::text, "Postal code", "ZIP or postal code.", G::business_details),
      spec("company.address.country", V::country, "Country", "Two-letter country code of the address (ISO 3166-1).",
           G::business_details),
      spec("company.address_kana.line1", V::text, "Company address (Kana)", "Street address in Kana (Japan only).",
           G::business_details),
      spec("company.address_kanji.line1", V::text, "Company address (Kanji)", "Street address in Kanji (Japan only).",
           G::business_details),
      spec("company.owners_provided", V::boolean, "All owners provided",
           "Confirms every owner has been added as a person.", G::owners),
      spec("company.ownership_declaration.date", V::unix_time, "Ownership declared at",
           "When the user attested that the owners are correct (Unix seconds).", G::owners),
      spec("company.ownership_declaration.ip", V::ip_address, "Ownership declared from",
           "The IP address the user attested from.", G::owners),
      spec("company.directors_provided", V::boolean, "All directors provided",
           "Confirms every director has been added as a person.", G::directors),
      spec("company.executives_provided", V::boolean, "All executives provided",
           "Confirms every executive has been added as a person.", G::executives),
      detail::document_spec("company.verification.document", "Company document",
                            "A document proving the company's registration, uploaded as a file.",
                            "additional_verification"),
      spec("external_account", V::bank_account, "Bank account",
           "Where payouts go: a bank account token from Stripe.js (btok_...), or the account's details.",
           G::bank_account),
      spec("tos_acceptance.date", V::unix_time, "Terms accepted at",
           "When the user accepted the Stripe Services Agreement (Unix seconds).", G::terms_of_service),
      spec("tos_acceptance.ip", V::ip_address, "Terms accepted from",
           "The IP address the user accepted the agreement from.", G::terms_of_service),
      spec("tos_acceptance.user_agent", V::text, "Terms accepted with",
           "The user agent of the browser the user accepted the agreement in.", G::terms_of_service),
  };
  return table;
}

/// The parts of a bank account given as details instead of a token, for a form without
/// Stripe.js: answer these keys in place of `external_account` when the plan has it.
inline const std::vector<FieldSpec>& bank_account_part_specs() {
  using detail::spec;
  using V = ValueType;
  static const std::vector<FieldSpec> table = {
      spec("external_account.account_holder_name", V::text, "Account holder",
           "The name of the person or business that owns the account.", Group::bank_account),
      spec("external_account.account_number", V::text, "Account number", "The account number (the IBAN in Europe).",
           Group::bank_account),
      spec("external_account.routing_number", V::text, "Routing number",
           "The routing number, sort code or other bank code, where the country has one.", Group::bank_account),
      spec("external_account.country", V::country, "Bank country", "Two-letter code of the bank's country.",
           Group::bank_account),
      spec("external_account.currency", V::currency, "Currency", "The account's currency, e.g. usd or gbp.",
           Group::bank_account),
  };
  return table;
}

/// The spec of a person field (`dob.day`), or nullptr when the SDK does not know it.
inline const FieldSpec* find_person_field(std::string_view key) {
  return detail::find_by_key(person_field_specs(), key);
}

/// The spec of an account field (`business_profile.url`), or nullptr when the SDK does not know it.
inline const FieldSpec* find_account_field(std::string_view requirement) {
  return detail::find_by_key(account_field_specs(), requirement);
}

/// A dotted parameter path as the v1 wire key: `individual` + `dob.day` gives `individual[dob][day]`.
inline std::string wire_key(std::string_view prefix, std::string_view dotted) {
  std::string out(prefix);
  std::size_t start = 0;
  while (start <= dotted.size()) {
    std::size_t dot = dotted.find('.', start);
    std::string_view part = dotted.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (out.empty()) {
      out = std::string(part);
    } else {
      out += "[" + std::string(part) + "]";
    }
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return out;
}

/// A dotted parameter path as the typed member it sets: `dob.day` gives `dob->day`.
inline std::string member_path(std::string_view prefix, std::string_view dotted) {
  std::string out(prefix);
  if (!out.empty()) out += "->";
  for (char c : dotted) {
    if (c == '.') {
      out += "->";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace stripe::onboarding
