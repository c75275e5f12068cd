#pragma once
/// \file
/// Applying answers: the values a user typed into a collection plan's forms, checked on the
/// client (type, enum membership, dates, a US postal code) and turned into the exact v1 calls
/// that satisfy them: one AccountUpdateParams, Person params per person, the bank account,
/// and the document uploads still missing. A failure is an InvalidParamsError whose param()
/// is the requirement string, so it can be shown next to its field. A v2 plan's answers are
/// applied by apply_v2_answers (stripe/onboarding/apply_v2_answers.hpp), with the same checks.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <map>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "stripe/client.hpp"
#include "stripe/detail/text_checks.hpp"
#include "stripe/errors.hpp"
#include "stripe/onboarding/collection_plan.hpp"
#include "stripe/v1/services.hpp"

namespace stripe::onboarding {

/// The user's answers: requirement string -> value as typed (numbers and booleans as text,
/// true/false), and the file id (file_...) of the upload for a document field. A bank account
/// is a token under `external_account`, or its details under the keys of
/// bank_account_part_specs() (`external_account.account_number`, `external_account.country`...).
using Answers = std::map<std::string, std::string>;

/// One Persons call: update `person`, or create a person with `role` when person is empty.
struct PersonCall {
  std::string person;  ///< person_... to update; empty: create one
  std::string role;    ///< representative | owner | director | executive: set on the created person
  v1::PersonCreateParams params;  ///< PersonUpdateParams is the same type
  /// Whether this call creates a person.
  bool creates() const { return person.empty(); }
};

/// A document field of the plan that has no uploaded file yet: upload with `purpose`, then
/// answer the requirement with the file's id.
struct UploadNeeded {
  std::string requirement;  ///< the document field
  std::string purpose;  ///< the FileCreateParams purpose
  Target target;  ///< whose document it is
};

/// The calls that send a set of answers, in the order submit_answers makes them.
struct AppliedAnswers {
  std::vector<PersonCall> persons;  ///< in plan order: people first, so the account's declarations follow them
  v1::AccountUpdateParams account;  ///< the account's own fields; send only when updates_account
  bool updates_account = false;  ///< whether any answer went on the account
  std::vector<v1::ExternalAccountCreateParams> external_accounts;  ///< the bank account to add (zero or one)
  std::vector<UploadNeeded> uploads_needed;  ///< document fields still without a file id
};

namespace detail {

inline InvalidParamsError answer_error(const std::string& field, std::string code, std::string message) {
  ErrorDetails d;
  d.param = field;
  d.code = std::move(code);
  d.message = field + ": " + message;
  return InvalidParamsError(std::move(d));
}

using stripe::detail::all_digits;

// A whole number, within int64 and [lo, hi]; nullopt when it is not one.
inline std::optional<std::int64_t> parse_integer(std::string_view s, std::int64_t lo, std::int64_t hi) {
  if (!all_digits(s) || s.size() > 18) return std::nullopt;
  std::int64_t n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  if (n < lo || n > hi) return std::nullopt;
  return n;
}

inline std::optional<double> parse_percent(std::string_view s) {
  std::size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  if (!all_digits(whole) || (dot != std::string_view::npos && !all_digits(frac)) || whole.size() > 3 || frac.size() > 6)
    return std::nullopt;
  double v = 0;
  for (char c : whole) v = v * 10 + (c - '0');
  double scale = 0.1;
  for (char c : frac) {
    v += (c - '0') * scale;
    scale /= 10;
  }
  if (v > 100) return std::nullopt;
  return v;
}

inline bool is_email(std::string_view s) {
  const auto at = s.find('@');
  if (at == 0 || at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos) return false;
  const auto dot = s.find('.', at + 2);
  if (dot == std::string_view::npos || dot + 1 >= s.size()) return false;
  for (char c : s)
    if (std::isspace(static_cast<unsigned char>(c))) return false;
  return true;
}

inline bool is_phone(std::string_view s) {
  std::size_t digits = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else if (!(c == '+' && i == 0) && c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
      return false;
    }
  }
  return digits >= 7 && digits <= 15;
}

inline bool is_url(std::string_view s) {
  for (std::string_view scheme : {std::string_view("https://"), std::string_view("http://")})
    if (s.rfind(scheme, 0) == 0) {
      const std::string_view host = s.substr(scheme.size(), s.find('/', scheme.size()) - scheme.size());
      if (host.empty()) return false;
      for (char c : s)
        if (std::isspace(static_cast<unsigned char>(c))) return false;
      return true;
    }
  return false;
}

inline bool is_ipv4(std::string_view s) {
  int parts = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = s.find('.', start);
    const std::string_view part = s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (part.size() > 3 || !parse_integer(part, 0, 255)) return false;
    ++parts;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return parts == 4;
}

inline bool is_ip_address(std::string_view s) {
  if (is_ipv4(s)) return true;
  if (s.find(':') == std::string_view::npos || s.size() > 45) return false;
  for (char c : s)
    if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.') return false;
  return true;
}

// The USPS formats, ZIP or ZIP+4: the one postal format the SDK checks, for US accounts.
inline bool is_us_zip(std::string_view s) {
  return (s.size() == 5 && all_digits(s)) || (s.size() == 10 && all_digits(s.substr(0, 5)) && s[5] == '-' && all_digits(s.substr(6)));
}

inline bool leap_year(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
inline std::int64_t days_in_month(std::int64_t month, std::int64_t year) {
  static const std::int64_t days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap_year(year) ? 29 : days[month - 1];
}

inline bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// The problem with one answer on its own, or nullopt.
inline std::optional<InvalidParamsError> check_value(const CollectionPlan& plan, const PlanField& f,
                                                     const std::string& v) {
  const std::string& r = f.requirement;
  if (!f.known() || f.params.empty())
    return answer_error(r, "parameter_unknown",
                        "the SDK has no parameter for this requirement yet; send it with the params' extra_params");
  if (v.empty()) return answer_error(r, "parameter_invalid_empty", f.label + " is required");
  auto bad = [&](const std::string& what) { return answer_error(r, "parameter_invalid", f.label + " must be " + what); };
  switch (f.type) {
    case ValueType::text:
      if (ends_with(r, "address.postal_code") && plan.country == "US" && !is_us_zip(v))
        return bad("a US ZIP code (12345 or 12345-6789)");
      break;
    case ValueType::email:
      if (!is_email(v)) return bad("an email address");
      break;
    case ValueType::phone:
      if (!is_phone(v)) return bad("a phone number of 7 to 15 digits");
      break;
    case ValueType::url:
      if (!is_url(v)) return bad("an http or https URL");
      break;
    case ValueType::day:
      if (!parse_integer(v, 1, 31)) return bad("a day from 1 to 31");
      break;
    case ValueType::month:
      if (!parse_integer(v, 1, 12)) return bad("a month from 1 to 12");
      break;
    case ValueType::year:
      if (v.size() != 4 || !parse_integer(v, 1900, 9999)) return bad("a four-digit year, 1900 or later");
      break;
    case ValueType::country:
      if (v.size() != 2 || !std::isupper(static_cast<unsigned char>(v[0])) || !std::isupper(static_cast<unsigned char>(v[1])))
        return bad("a two-letter country code such as US");
      break;
    case ValueType::currency:
      if (v.size() != 3 || !std::all_of(v.begin(), v.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return bad("a three-letter currency code in lower case, such as usd");
      break;
    case ValueType::enumeration:
      if (std::find(f.allowed_values.begin(), f.allowed_values.end(), v) == f.allowed_values.end()) {
        std::string list;
        for (const auto& a : f.allowed_values) list += (list.empty() ? "" : ", ") + a;
        return bad("one of " + list);
      }
      break;
    case ValueType::boolean:
      if (v != "true" && v != "false") return bad("true or false");
      break;
    case ValueType::unix_time:
      if (!parse_integer(v, 1, 253402300799)) return bad("a Unix timestamp in seconds");
      break;
    case ValueType::ip_address:
      if (!is_ip_address(v)) return bad("an IPv4 or IPv6 address");
      break;
    case ValueType::percent:
      if (!parse_percent(v)) return bad("a number from 0 to 100");
      break;
    case ValueType::four_digits:
      if (v.size() != 4 || !all_digits(v)) return bad("four digits");
      break;
    case ValueType::file:
      if (v.rfind("file_", 0) != 0) return bad("the id of an uploaded file (file_...)");
      break;
    case ValueType::bank_account:
      if (v.rfind("btok_", 0) != 0 && v.rfind("tok_", 0) != 0) return bad("a bank account token (btok_...)");
      break;
    case ValueType::unknown: break;
  }
  return std::nullopt;
}

// The requirement prefix of a person field ("person_1.", "representative.", "individual."):
// the date-of-birth parts of one person are checked together.
inline std::string owner_prefix(const PlanField& f) {
  const std::size_t dob = f.requirement.rfind("dob.");
  return dob == std::string::npos ? std::string() : f.requirement.substr(0, dob);
}

// The requirement of another part of the same person's date of birth: the plan's field for
// it (whatever its name: individual.dob.month, identity.individual.date_of_birth.month), or
// the v1 name when the plan does not ask for it.
inline std::string date_part(const CollectionPlan& plan, const PlanField& of, ValueType part, const char* v1_suffix) {
  for (const auto& g : plan.groups)
    for (const auto& f : g.fields)
      if (f.type == part && f.target.person == of.target.person && f.target.role == of.target.role)
        return f.requirement;
  return owner_prefix(of) + v1_suffix;
}

// A bank account part (external_account.country, ...) as a field, when the plan asks for a bank account.
inline std::optional<PlanField> bank_account_part(const CollectionPlan& plan, const std::string& key) {
  const PlanField* bank = plan.find("external_account");
  if (!bank || !bank->known()) return std::nullopt;
  for (const auto& s : bank_account_part_specs()) {
    if (s.key != key) continue;
    PlanField part;
    part.requirement = s.key;
    part.group = s.group;
    part.target = bank->target;
    part.params = bank->params;
    part.member = member_path("", s.param);
    part.wire_key = wire_key("", s.param);
    part.type = s.type;
    part.label = s.label;
    part.description = s.description;
    return part;
  }
  return std::nullopt;
}

template <class T>
T& ensure(Clearable<T>& c) {
  return c.emplace();  // keeps a value already there
}
// Any optional-like member: std::optional today, stripe::Optional tomorrow (the same API).
template <class O>
auto& ensure(O& o) {
  if (!o) o.emplace();
  return *o;
}

// A person's field on a Person (P = PersonCreateParams) or on AccountUpdateParams::individual.
template <class P>
void set_person_value(P& p, const std::string& param, const std::string& v) {
  constexpr bool typed_person = std::is_same_v<P, v1::PersonCreateParams>;
  auto number = [&v] { return *parse_integer(v, 0, 9999); };
  if (param == "first_name") p.first_name = v;
  else if (param == "last_name") p.last_name = v;
  else if (param == "first_name_kana") p.first_name_kana = v;
  else if (param == "last_name_kana") p.last_name_kana = v;
  else if (param == "first_name_kanji") p.first_name_kanji = v;
  else if (param == "last_name_kanji") p.last_name_kanji = v;
  else if (param == "email") p.email = v;
  else if (param == "phone") p.phone = v;
  else if (param == "dob.day") ensure(p.dob).day = number();
  else if (param == "dob.month") ensure(p.dob).month = number();
  else if (param == "dob.year") ensure(p.dob).year = number();
  else if (param == "address.line1") ensure(p.address).line1 = v;
  else if (param == "address.line2") ensure(p.address).line2 = v;
  else if (param == "address.city") ensure(p.address).city = v;
  else if (param == "address.state") ensure(p.address).state = v;
  else if (param == "address.postal_code") ensure(p.address).postal_code = v;
  else if (param == "address.country") ensure(p.address).country = v;
  else if (param == "address_kana.line1") ensure(p.address_kana).line1 = v;
  else if (param == "address_kanji.line1") ensure(p.address_kanji).line1 = v;
  else if (param == "id_number") p.id_number = v;
  else if (param == "ssn_last_4") p.ssn_last_4 = v;
  else if (param == "political_exposure") ensure(p.political_exposure) = v;
  else if (param == "gender") p.gender = v;
  else if constexpr (typed_person) {
    if (param == "nationality") p.nationality = v;
    else if (param == "relationship.title") ensure(p.relationship).title = v;
    else if (param == "relationship.percent_ownership") ensure(p.relationship).percent_ownership = *parse_percent(v);
    else if (param == "verification.document.front") ensure(ensure(p.verification).document).front = v;
    else if (param == "verification.additional_document.front") ensure(ensure(p.verification).additional_document).front = v;
  } else {
    // AccountUpdateParams::individual types verification as JSON.
    const std::string prefix = "verification.";
    if (param.rfind(prefix, 0) == 0) {
      nlohmann::json& j = ensure(p.verification);
      if (!j.is_object()) j = nlohmann::json::object();
      const std::string which = param.substr(prefix.size(), param.find('.', prefix.size()) - prefix.size());
      j[which]["front"] = v;
    }
  }
}

// An account field on AccountUpdateParams (param as in account_field_specs).
inline void set_account_value(v1::AccountUpdateParams& a, const std::string& param, const std::string& v) {
  auto integer = [&v] { return *parse_integer(v, 0, 253402300799); };
  const std::string bp = "business_profile.", co = "company.", tos = "tos_acceptance.";
  if (param == "business_type") {
    ensure(a.business_type) = v;
  } else if (param.rfind(bp, 0) == 0) {
    auto& p = ensure(a.business_profile);
    const std::string k = param.substr(bp.size());
    if (k == "name") p.name = v;
    else if (k == "url") p.url = v;
    else if (k == "mcc") p.mcc = v;
    else if (k == "product_description") p.product_description = v;
    else if (k == "support_phone") p.support_phone = v;
    else if (k == "support_email") p.support_email = v;
    else if (k == "support_url") p.support_url = v;
  } else if (param.rfind(co, 0) == 0) {
    auto& c = ensure(a.company);
    const std::string k = param.substr(co.size());
    if (k == "name") c.name = v;
    else if (k == "name_kana") c.name_kana = v;
    else if (k == "name_kanji") c.name_kanji = v;
    else if (k == "phone") c.phone = v;
    else if (k == "tax_id") c.tax_id = v;
    else if (k == "vat_id") c.vat_id = v;
    else if (k == "registration_number") c.registration_number = v;
    else if (k == "structure") c.structure = v1::AccountUpdateParams::Company::Structure(v);
    else if (k == "address.line1") ensure(c.address).line1 = v;
    else if (k == "address.line2") ensure(c.address).line2 = v;
    else if (k == "address.city") ensure(c.address).city = v;
    else if (k == "address.state") ensure(c.address).state = v;
    else if (k == "address.postal_code") ensure(c.address).postal_code = v;
    else if (k == "address.country") ensure(c.address).country = v;
    else if (k == "address_kana.line1") ensure(c.address_kana).line1 = v;
    else if (k == "address_kanji.line1") ensure(c.address_kanji).line1 = v;
    else if (k == "owners_provided") c.owners_provided = v == "true";
    else if (k == "directors_provided") c.directors_provided = v == "true";
    else if (k == "executives_provided") c.executives_provided = v == "true";
    else if (k == "ownership_declaration.date") ensure(c.ownership_declaration)["date"] = integer();
    else if (k == "ownership_declaration.ip") ensure(c.ownership_declaration)["ip"] = v;
    else if (k == "verification.document.front") ensure(c.verification)["document"]["front"] = v;
  } else if (param.rfind(tos, 0) == 0) {
    auto& t = ensure(a.tos_acceptance);
    const std::string k = param.substr(tos.size());
    if (k == "date") t.date = integer();
    else if (k == "ip") t.ip = v;
    else if (k == "user_agent") t.user_agent = v;
  }
}

// The params path of a field, dotted (wire_key without brackets): dob.day, business_profile.url.
inline std::string dotted_param(const PlanField& f, std::string_view prefix) {
  std::string out;
  for (char c : f.wire_key) {
    if (c == '[') {
      out.push_back('.');
    } else if (c != ']') {
      out.push_back(c);
    }
  }
  if (!prefix.empty() && out.rfind(std::string(prefix) + ".", 0) == 0) out = out.substr(prefix.size() + 1);
  return out;
}

}  // namespace detail

/// Every problem with a set of answers, one InvalidParamsError per field (param() is the
/// requirement string), in plan order; empty when they can be applied. An answer for a
/// requirement not in the plan, or one the SDK has no parameter for, is a problem too.
inline std::vector<InvalidParamsError> validate_answers(const CollectionPlan& plan, const Answers& answers) {
  std::vector<InvalidParamsError> out;
  bool bank_details = false;
  for (const auto& [requirement, value] : answers) {
    if (plan.find(requirement)) continue;
    if (const auto part = detail::bank_account_part(plan, requirement)) {
      bank_details = true;
      if (auto problem = detail::check_value(plan, *part, value)) out.push_back(std::move(*problem));
      continue;
    }
    out.push_back(detail::answer_error(requirement, "parameter_unknown", "not in the collection plan"));
  }
  if (bank_details) {
    // The API takes a token or a hash, and the hash needs at least the number and the country.
    if (answers.count("external_account"))
      out.push_back(detail::answer_error("external_account", "parameter_invalid",
                                         "give a bank account token or the account's details, not both"));
    for (const char* required : {"external_account.account_number", "external_account.country"})
      if (!answers.count(required))
        out.push_back(detail::answer_error(required, "parameter_missing", "bank account details need it"));
  }
  for (const auto& g : plan.groups)
    for (const auto& f : g.fields) {
      auto it = answers.find(f.requirement);
      if (it == answers.end()) continue;
      if (auto problem = detail::check_value(plan, f, it->second)) {
        out.push_back(std::move(*problem));
        continue;
      }
      // A date of birth is sent as three numbers together, and must be a real date.
      if (f.type != ValueType::day) continue;
      const std::string month_field = detail::date_part(plan, f, ValueType::month, "dob.month");
      const std::string year_field = detail::date_part(plan, f, ValueType::year, "dob.year");
      const auto month = answers.find(month_field), year = answers.find(year_field);
      if (month == answers.end() || year == answers.end()) {
        out.push_back(detail::answer_error(month == answers.end() ? month_field : year_field, "parameter_missing",
                                           "a date of birth needs its day, month and year"));
        continue;
      }
      const auto m = detail::parse_integer(month->second, 1, 12);
      const auto y = detail::parse_integer(year->second, 1900, 9999);
      if (m && y && *detail::parse_integer(it->second, 1, 31) > detail::days_in_month(*m, *y))
        out.push_back(detail::answer_error(f.requirement, "parameter_invalid",
                                           "there is no day " + it->second + " in month " + month->second + " of " +
                                               year->second));
    }
  std::vector<std::string> reported;  // one missing day per person, not one per month and year
  for (const auto& g : plan.groups)
    for (const auto& f : g.fields) {
      if (f.type != ValueType::month && f.type != ValueType::year) continue;
      const std::string day = detail::date_part(plan, f, ValueType::day, "dob.day");
      if (answers.count(f.requirement) && !answers.count(day) && std::find(reported.begin(), reported.end(), day) == reported.end()) {
        reported.push_back(day);
        out.push_back(detail::answer_error(day, "parameter_missing", "a date of birth needs its day, month and year"));
      }
    }
  return out;
}

namespace detail {

// What apply_answers and apply_v2_answers share: validates (throwing the first problem), then
// walks the plan in order, handing each answered field and its value to `answer`; document
// fields without an answer go to `uploads_needed`.
template <class OnAnswer>
void for_each_answer(const CollectionPlan& plan, const Answers& answers, std::vector<UploadNeeded>& uploads_needed,
                     OnAnswer&& answer) {
  auto problems = validate_answers(plan, answers);
  if (!problems.empty()) throw problems.front();
  for (const auto& g : plan.groups)
    for (const auto& f : g.fields) {
      auto it = answers.find(f.requirement);
      if (it != answers.end()) {
        answer(f, it->second);
      } else if (f.type == ValueType::file) {
        uploads_needed.push_back({f.requirement, f.file_purpose, f.target});
      }
    }
}

// The bank account given as details (validated: the number and country are there), if it was.
inline std::optional<v1::ExternalAccountCreateParams> bank_account_from_details(const Answers& answers) {
  if (!answers.count("external_account.account_number")) return std::nullopt;
  using Bank = v1::ExternalAccountCreateParams::BankAccount;
  v1::ExternalAccountCreateParams params;
  auto& bank = params.external_account.emplace<Bank>();
  bank.object = Bank::Object::bank_account;
  auto part = [&answers](const char* key) { return answers.at(std::string("external_account.") + key); };
  bank.account_number = part("account_number");
  bank.country = part("country");
  if (answers.count("external_account.account_holder_name")) bank.account_holder_name = part("account_holder_name");
  if (answers.count("external_account.routing_number")) bank.routing_number = part("routing_number");
  if (answers.count("external_account.currency")) bank.currency = part("currency");
  return params;
}

// A bank account token answer as the call that adds it.
inline v1::ExternalAccountCreateParams bank_account_from_token(const std::string& token) {
  v1::ExternalAccountCreateParams bank;
  bank.external_account = token;
  return bank;
}

// A plan applied by the other API version's apply: its params would not fit, so nothing is made.
inline InvalidParamsError wrong_plan(const char* what) {
  ErrorDetails d;
  d.code = "plan_version_mismatch";
  d.message = what;
  return InvalidParamsError(std::move(d));
}

}  // namespace detail

/// The calls that send `answers` (see AppliedAnswers), after validate_answers: throws the first
/// problem as an InvalidParamsError naming the field. Document fields of the plan without an
/// answer are listed in uploads_needed; nothing else unanswered is an error, so forms can be
/// sent one at a time. A v2 plan is refused: apply it with apply_v2_answers.
inline AppliedAnswers apply_answers(const CollectionPlan& plan, const Answers& answers) {
  if (plan.v2) throw detail::wrong_plan("a v2 plan: apply it with apply_v2_answers");
  AppliedAnswers out;
  auto person_call = [&out](const Target& t) -> PersonCall& {
    for (auto& c : out.persons)
      if (c.person == t.person && c.role == t.role) return c;
    PersonCall c;
    c.person = t.person;
    c.role = t.role;
    if (c.creates()) {
      auto& rel = detail::ensure(c.params.relationship);
      if (t.role == "representative") rel.representative = true;
      if (t.role == "owner") rel.owner = true;
      if (t.role == "director") rel.director = true;
      if (t.role == "executive") rel.executive = true;
    }
    out.persons.push_back(std::move(c));
    return out.persons.back();
  };
  detail::for_each_answer(plan, answers, out.uploads_needed, [&](const PlanField& f, const std::string& v) {
    if (f.type == ValueType::bank_account) {
      out.external_accounts.push_back(detail::bank_account_from_token(v));
    } else if (!f.target.person.empty() || !f.target.role.empty()) {
      detail::set_person_value(person_call(f.target).params, detail::dotted_param(f, ""), v);
    } else if (f.wire_key.rfind("individual[", 0) == 0) {
      detail::set_person_value(detail::ensure(out.account.individual), detail::dotted_param(f, "individual"), v);
      out.updates_account = true;
    } else {
      detail::set_account_value(out.account, detail::dotted_param(f, ""), v);
      out.updates_account = true;
    }
  });
  if (auto bank = detail::bank_account_from_details(answers)) out.external_accounts.push_back(std::move(*bank));
  return out;
}

/// Sends applied answers to an account: persons first (created or updated), then the account
/// update, then the bank account; returns the account as it then stands. Upload documents
/// before applying: their file ids are answers.
inline Result<v1::Account> submit_answers(const Client& client, const std::string& account,
                                          const AppliedAnswers& applied, const RequestOptions& ro = {}) {
  for (const auto& call : applied.persons) {
    if (call.creates()) {
      client.v1().persons().create(account, call.params, ro);
    } else {
      client.v1().persons().update(account, call.person, call.params, ro);
    }
  }
  if (applied.updates_account) client.v1().accounts().update(account, applied.account, ro);
  for (const auto& bank : applied.external_accounts) client.v1().external_accounts().create(account, bank, ro);
  return client.v1().accounts().retrieve(account, {}, ro);
}

}  // namespace stripe::onboarding
