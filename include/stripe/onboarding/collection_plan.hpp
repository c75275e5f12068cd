#pragma once
/// \file
/// The collection plan: an account's requirements turned into the forms to show (API
/// onboarding, seed 002: "organize the required parameters into logical groupings or forms"),
/// each field with its target object, parameter, value type, label, due-ness, verification
/// errors and alternatives. A requirement the SDK does not know is kept in the "other" group
/// with its raw string, so new requirements Stripe introduces are never lost.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stripe/onboarding.hpp"
#include "stripe/onboarding/field_catalog.hpp"
#include "stripe/onboarding/v2_field_catalog.hpp"
#include "stripe/v1/person.hpp"
#include "stripe/v2/core/person.hpp"

namespace stripe::onboarding {

/// When a field is needed, the most urgent first.
enum class Due {
  past_due,        ///< its deadline passed: capabilities are off until it is provided
  currently_due,   ///< needed by the deadline
  eventually_due,  ///< needed later (up-front collection asks now)
};

/// "past_due", "currently_due" or "eventually_due": the API's own words.
inline const char* to_string(Due d) {
  switch (d) {
    case Due::past_due: return "past_due";
    case Due::currently_due: return "currently_due";
    case Due::eventually_due: return "eventually_due";
  }
  return "currently_due";
}

/// The kind of object a field's answer goes on.
enum class TargetKind {
  account,           ///< the account itself (AccountUpdateParams)
  person,            ///< an existing person, by id (PersonUpdateParams)
  new_person,        ///< a person to create, with the role in Target::role (PersonCreateParams)
  external_account,  ///< a bank account to add (ExternalAccountCreateParams)
  file_upload,       ///< a file to upload first; its id then goes on the account or a person
  unknown,           ///< a requirement the SDK cannot place
};

/// "account", "person", "new_person", "external_account", "file_upload" or "unknown".
inline const char* to_string(TargetKind k) {
  switch (k) {
    case TargetKind::account: return "account";
    case TargetKind::person: return "person";
    case TargetKind::new_person: return "new_person";
    case TargetKind::external_account: return "external_account";
    case TargetKind::file_upload: return "file_upload";
    case TargetKind::unknown: return "unknown";
  }
  return "unknown";
}

/// Where a field's answer goes. A document's kind is file_upload; person and role then say
/// whose document it is (both empty: the account's).
struct Target {
  TargetKind kind = TargetKind::unknown;  ///< the object the answer goes on
  std::string person;  ///< person_...: the person updated (or, for a document, whose it is)
  std::string role;    ///< representative | owner | director | executive: the person to create
};

/// A verification error on a field: show `reason` next to it.
struct FieldError {
  std::string code;         ///< v1 requirements.errors[].code, v2 errors[].code
  std::string reason;       ///< v1 reason, v2 description: for the user
  std::string requirement;  ///< the requirement it concerns
};

/// Another set of fields that would satisfy the field too (requirements.alternatives).
struct FieldAlternative {
  std::vector<std::string> alternative_fields_due;  ///< provide all of these instead...
  std::vector<std::string> original_fields_due;     ///< ...of all of these (the field is one)
};

/// One input of the plan.
struct PlanField {
  std::string requirement;  ///< the requirement string as Stripe sent it; the key of an answer
  Group group = Group::other;  ///< the form it belongs in
  Target target;  ///< the object the answer goes on
  std::string params;  ///< the typed params the answer sets, e.g. stripe::v1::AccountUpdateParams ("" when unknown)
  std::string member;  ///< the member path in params, e.g. individual->dob->day ("" when unknown)
  /// The key on the wire ("" when unknown): the v1 form key, e.g. individual[dob][day]; in a v2
  /// plan the dotted JSON path, e.g. identity.individual.given_name.
  std::string wire_key;
  V2Value v2_value = V2Value::text;  ///< v2 plans: how the answer is sent at wire_key
  std::string id_number_type;  ///< v2 id_numbers fields: the type sent with the value (us_ssn, us_ein...)
  ValueType type = ValueType::unknown;  ///< what the answer is
  std::vector<std::string> allowed_values;  ///< enumeration only: the values accepted
  std::string allowed_values_source;  ///< where allowed_values come from
  std::string label;  ///< English label (the raw requirement when unknown)
  std::string description;  ///< one English line
  std::string file_purpose;  ///< file only: the FileCreateParams purpose to upload with
  Due due = Due::currently_due;  ///< how urgent
  std::optional<std::int64_t> deadline;  ///< v1 requirements.current_deadline, when due now or past due (Unix s)
  std::string deadline_time;  ///< v2 requirements.summary.minimum_deadline.time (RFC 3339), when due now or past due
  std::vector<FieldError> errors;  ///< verification errors that concern this field
  std::vector<FieldAlternative> alternatives;  ///< other ways to satisfy it
  /// Whether the SDK knows the parameter that satisfies it (false: an "other" field).
  bool known() const { return type != ValueType::unknown; }
};

/// One form: a group and its fields, in order.
struct PlanGroup {
  Group group = Group::other;  ///< which group
  std::string title;  ///< to_string(group), or "Personal details" for an individual's own
  std::vector<PlanField> fields;  ///< in plan order
};

/// The forms to show for one account, in order; groups without fields are left out.
struct CollectionPlan {
  std::string account;  ///< the account id
  std::string country;  ///< the account's country (validation uses it)
  std::string business_type;  ///< individual | company | ... ("" when not yet known)
  Strategy strategy = Strategy::incremental;  ///< which requirements were included
  bool v2 = false;  ///< built from a v2 account: its fields name v2 params (apply with apply_v2_answers)
  std::vector<PlanGroup> groups;  ///< in all_groups order
  /// The field for a requirement string, or nullptr when it is not in the plan.
  const PlanField* find(const std::string& requirement) const {
    for (const auto& g : groups)
      for (const auto& f : g.fields)
        if (f.requirement == requirement) return &f;
    return nullptr;
  }
  /// How many fields, all groups together.
  std::size_t size() const {
    std::size_t n = 0;
    for (const auto& g : groups) n += g.fields.size();
    return n;
  }
  /// Whether there is nothing to ask.
  bool empty() const { return groups.empty(); }
};

namespace detail {

// The group a person's fields belong in, from what the person is to the company (a v1
// Person or a v2 AccountPerson: their relationships read alike).
template <class Person>
Group group_of_person(const Person& p) {
  if (!p.relationship) return Group::other;
  const auto& r = *p.relationship;
  if (r.representative.value_or(false)) return Group::representative;
  if (r.owner.value_or(false)) return Group::owners;
  if (r.director.value_or(false)) return Group::directors;
  if (r.executive.value_or(false)) return Group::executives;
  return Group::other;
}

// The group a role-named requirement belongs in (representative.first_name: representative).
inline Group group_of_role(const std::string& requirement) {
  const std::string head = requirement.substr(0, requirement.find('.'));
  if (head == "representative") return Group::representative;
  if (head == "owners") return Group::owners;
  if (head == "directors") return Group::directors;
  if (head == "executives") return Group::executives;
  return Group::other;
}

inline void fill_from_spec(PlanField& f, const FieldSpec& s) {
  f.type = s.type;
  f.allowed_values = s.allowed_values;
  f.allowed_values_source = s.allowed_values_source;
  f.label = s.label;
  f.description = s.description;
  f.file_purpose = s.file_purpose;
}

// A person field: `rest` follows the person's prefix. `prefix` is the member/wire prefix
// inside params ("individual" for the account's own person, "" for a Person).
inline void resolve_person_field(PlanField& f, const std::string& rest, Group group, Target target,
                                 const std::string& params, const std::string& prefix) {
  const FieldSpec* s = find_person_field(rest);
  if (!s || (s->person_only && !prefix.empty())) {
    f.group = Group::other;
    f.target = std::move(target);
    return;
  }
  fill_from_spec(f, *s);
  f.group = s->type == ValueType::file ? Group::documents : group;
  f.target = std::move(target);
  if (s->type == ValueType::file) f.target.kind = TargetKind::file_upload;
  f.params = params;
  f.member = member_path(prefix, s->param);
  f.wire_key = wire_key(prefix, s->param);
}

// Everything the SDK can say about one requirement string, without due-ness, errors or
// alternatives. Unknown strings come back in the other group with the raw string as label.
template <class Person>
PlanField resolve_requirement(const std::string& requirement, const std::vector<Person>& persons) {
  PlanField f;
  f.requirement = requirement;
  f.label = requirement;
  const std::string account_params = "stripe::v1::AccountUpdateParams";
  const std::string person_params = "stripe::v1::PersonCreateParams";
  if (const FieldSpec* s = find_account_field(requirement)) {
    fill_from_spec(f, *s);
    f.group = s->group;
    f.target.kind = s->type == ValueType::file             ? TargetKind::file_upload
                    : s->type == ValueType::bank_account ? TargetKind::external_account
                                                         : TargetKind::account;
    f.params = s->type == ValueType::bank_account ? "stripe::v1::ExternalAccountCreateParams" : account_params;
    f.member = s->type == ValueType::bank_account ? "external_account" : member_path("", s->param);
    f.wire_key = wire_key("", s->param);
    return f;
  }
  const auto dot = requirement.find('.');
  if (dot == std::string::npos) return f;
  const std::string head = requirement.substr(0, dot), rest = requirement.substr(dot + 1);
  if (head == "individual") {
    Target t;
    t.kind = TargetKind::account;
    resolve_person_field(f, rest, Group::representative, t, account_params, "individual");
    return f;
  }
  struct Role {
    const char* head;
    const char* role;
    Group group;
  };
  static const Role roles[] = {{"representative", "representative", Group::representative},
                               {"owners", "owner", Group::owners},
                               {"directors", "director", Group::directors},
                               {"executives", "executive", Group::executives}};
  for (const auto& r : roles) {
    if (head != r.head) continue;
    Target t;
    t.kind = TargetKind::new_person;
    t.role = r.role;
    if (r.group == Group::representative)
      for (const auto& p : persons)
        if (group_of_person(p) == Group::representative) {  // it exists: update it
          t.kind = TargetKind::person;
          t.person = p.id;
          t.role.clear();
        }
    resolve_person_field(f, rest, r.group, t, person_params, "");
    return f;
  }
  if (head.rfind("person_", 0) == 0) {
    Target t;
    t.kind = TargetKind::person;
    t.person = head;
    Group group = Group::other;
    for (const auto& p : persons)
      if (p.id == head) group = group_of_person(p);
    resolve_person_field(f, rest, group, t, person_params, "");
  }
  return f;
}

inline bool listed(const std::optional<std::vector<std::string>>& list, const std::string& item) {
  return list && std::find(list->begin(), list->end(), item) != list->end();
}

// The catalog position of a field, so each form asks in a natural order (first name before
// date of birth) whatever order Stripe listed the requirements in; unknown fields last.
inline std::size_t catalog_rank(const PlanField& f) {
  const std::size_t unknown = person_field_specs().size() + account_field_specs().size();
  if (!f.known()) return unknown;
  // A v2 entry in the v2 API's words ranks as its v1-style name (a person's relative to it).
  const std::string r = v1_style_requirement(f.requirement, !f.target.person.empty());
  const auto& accounts = account_field_specs();
  for (std::size_t i = 0; i < accounts.size(); ++i)
    if (accounts[i].key == r) return i;
  const auto& people = person_field_specs();
  for (std::size_t i = 0; i < people.size(); ++i) {
    const std::string& k = people[i].key;
    if (r == k || (r.size() > k.size() && r.compare(r.size() - k.size(), k.size(), k) == 0 &&
                   r[r.size() - k.size() - 1] == '.'))
      return accounts.size() + i;
  }
  return unknown;
}

// Orders the fields into groups: by group, then by whose they are (people in the order they
// first appear, then the account's own, so "all owners provided" follows the owners), then by
// catalog position, then as Stripe listed them.
inline std::vector<PlanGroup> into_groups(std::vector<PlanField> fields, bool individual) {
  std::vector<std::string> owners;
  auto owner_rank = [&](const PlanField& f) {
    if (f.target.person.empty() && f.target.role.empty()) return static_cast<std::size_t>(-1);
    const std::string key = f.target.person + "|" + f.target.role;
    auto it = std::find(owners.begin(), owners.end(), key);
    if (it != owners.end()) return static_cast<std::size_t>(it - owners.begin());
    owners.push_back(key);
    return owners.size() - 1;
  };
  struct Keyed {
    std::size_t owner, rank, position;
    PlanField field;
  };
  std::vector<Keyed> keyed;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::size_t owner = owner_rank(fields[i]);
    const std::size_t rank = catalog_rank(fields[i]);
    keyed.push_back({owner, rank, i, std::move(fields[i])});
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    if (a.owner != b.owner) return a.owner < b.owner;
    if (a.rank != b.rank) return a.rank < b.rank;
    return a.position < b.position;
  });
  std::vector<PlanGroup> out;
  for (Group g : all_groups) {
    PlanGroup pg;
    pg.group = g;
    pg.title = individual && g == Group::representative ? "Personal details" : to_string(g);
    for (auto& k : keyed)
      if (k.field.group == g) pg.fields.push_back(std::move(k.field));
    if (!pg.fields.empty()) out.push_back(std::move(pg));
  }
  return out;
}

// A field kept in "other": the SDK has no parameter for it (here: none in the v2 params).
inline void make_other(PlanField& f) {
  PlanField other;
  other.requirement = f.requirement;
  other.label = f.requirement;
  other.target = f.target;
  other.due = f.due;
  f = std::move(other);
}

// Points a resolved field at its v2 parameter; `key` is its v1-style requirement. The bank
// account keeps its v1 params: the SDK has no v2 bank account call, and v1 external accounts
// take a v2 account's id.
inline void use_v2_params(PlanField& f, const std::string& key, const std::string& country) {
  if (!f.known() || f.type == ValueType::bank_account) return;
  const bool of_person = !f.target.person.empty() || !f.target.role.empty();
  const std::string individual = "individual.";
  const bool of_individual = !of_person && key.rfind(individual, 0) == 0;
  const std::string relative = of_person ? key.substr(key.find('.') + 1)
                               : of_individual ? key.substr(individual.size())
                                               : key;
  const V2ParamSpec* s = of_person || of_individual ? find_v2_person_param(relative) : find_v2_account_param(relative);
  const std::string id_type = s && s->value == V2Value::id_number ? v2_id_number_type(relative, country) : "";
  if (!s || (s->value == V2Value::id_number && id_type.empty())) return make_other(f);
  f.params = !of_person                         ? "stripe::v2::core::AccountUpdateParams"
             : f.target.person.empty()          ? "stripe::v2::core::PersonCreateParams"
                                                : "stripe::v2::core::PersonUpdateParams";
  f.member = member_path(of_individual ? "identity->individual" : "", s->path);
  f.wire_key = of_individual ? "identity.individual." + s->path : s->path;
  f.v2_value = s->value;
  f.id_number_type = id_type;
  if (!s->allowed_values.empty()) {
    f.allowed_values = s->allowed_values;
    f.allowed_values_source = s->allowed_values_source;
  }
}

}  // namespace detail

/// The plan for a v1 account and its persons (list them with persons().list_all): past_due
/// and currently_due requirements, and eventually_due too when the strategy is up-front.
/// Each field carries the requirements.errors about it, the alternatives that include it and,
/// when due now or past due, requirements.current_deadline. Pending verifications are not
/// asked for.
inline CollectionPlan collection_plan(const v1::Account& account, const std::vector<v1::Person>& persons,
                                      Strategy strategy) {
  CollectionPlan plan;
  plan.account = account.id;
  plan.country = account.country.value_or("");
  plan.business_type = account.business_type ? account.business_type->value() : std::string();
  plan.strategy = strategy;
  if (!account.requirements) return plan;
  const auto& req = *account.requirements;
  std::vector<std::string> wanted;
  auto take = [&](const std::optional<std::vector<std::string>>& list) {
    if (!list) return;
    for (const auto& r : *list)
      if (std::find(wanted.begin(), wanted.end(), r) == wanted.end()) wanted.push_back(r);
  };
  take(req.past_due);
  take(req.currently_due);
  if (strategy == Strategy::up_front) take(req.eventually_due);

  std::vector<PlanField> fields;
  for (const auto& r : wanted) {
    PlanField f = detail::resolve_requirement(r, persons);
    f.due = detail::listed(req.past_due, r)        ? Due::past_due
            : detail::listed(req.currently_due, r) ? Due::currently_due
                                                   : Due::eventually_due;
    if (f.due != Due::eventually_due) f.deadline = req.current_deadline;
    if (req.errors)
      for (const auto& e : *req.errors)
        if (e.requirement == r) f.errors.push_back({e.code.value(), e.reason, e.requirement});
    if (req.alternatives)
      for (const auto& a : *req.alternatives)
        if (std::find(a.original_fields_due.begin(), a.original_fields_due.end(), r) != a.original_fields_due.end())
          f.alternatives.push_back({a.alternative_fields_due, a.original_fields_due});
    fields.push_back(std::move(f));
  }
  plan.groups = detail::into_groups(std::move(fields), plan.business_type == "individual");
  return plan;
}

/// The plan for a v2 account (retrieve it with include[] requirements and identity): its
/// requirements.entries awaiting the user, past_due and currently_due, and eventually_due too
/// when up-front (an entry with a newer status counts as currently_due). An entry's
/// description is the field's requirement; it is read as the simulator's v1-style name or as
/// the v2 API's param path (see v1_style_requirement). Fields are grouped, typed and labelled
/// like v1 requirement strings, with the entry's errors and alternatives; a person reference
/// sets the target person, and `persons` (list them with client.v2().core().persons()) give a
/// referenced person's group and turn a representative.* entry into an update of the existing
/// representative. params, member and wire_key name v2::core::AccountUpdateParams or the v2
/// person params (the bank account stays a v1 ExternalAccountCreateParams).
inline CollectionPlan collection_plan(const v2::core::Account& account, const std::vector<v2::core::AccountPerson>& persons,
                                      Strategy strategy) {
  CollectionPlan plan;
  plan.account = account.id;
  plan.v2 = true;
  if (account.identity) {
    plan.country = account.identity->country.value_or("");
    if (account.identity->entity_type) plan.business_type = account.identity->entity_type->value();
  }
  plan.strategy = strategy;
  if (!account.requirements) return plan;
  const auto& req = *account.requirements;
  std::string deadline_time;
  if (req.summary && req.summary->minimum_deadline && req.summary->minimum_deadline->time)
    deadline_time = *req.summary->minimum_deadline->time;
  std::vector<PlanField> fields;
  for (const auto& e : req.entries) {
    if (e.awaiting_action_from != "user") continue;
    const auto& status = e.minimum_deadline.status;
    const Due due = status == "past_due" ? Due::past_due
                    : status == "eventually_due" ? Due::eventually_due
                                                 : Due::currently_due;
    if (due == Due::eventually_due && strategy != Strategy::up_front) continue;
    bool seen = false;
    for (const auto& f : fields) seen = seen || f.requirement == e.description;
    if (seen) continue;
    const bool person_reference = e.reference && e.reference->type == "person" && e.reference->resource;
    std::string key = v1_style_requirement(e.description, person_reference);
    if (person_reference) key = *e.reference->resource + "." + key;
    PlanField f = detail::resolve_requirement(key, persons);
    f.requirement = e.description;
    if (!f.known()) f.label = e.description;
    if (person_reference) {
      f.target.person = *e.reference->resource;
      if (f.target.kind != TargetKind::file_upload) f.target.kind = TargetKind::person;
      f.target.role.clear();
      // The simulator's names say what the person is (representative.first_name); the v2 API's do not.
      if (f.known() && f.type != ValueType::file && f.group == Group::other) f.group = detail::group_of_role(e.description);
    }
    detail::use_v2_params(f, key, plan.country);
    f.due = due;
    if (due != Due::eventually_due) f.deadline_time = deadline_time;
    for (const auto& err : e.errors) f.errors.push_back({err.code.value(), err.description, e.description});
    for (const auto& alt : req.alternatives) {
      std::vector<std::string> originals;
      bool mine = false;
      for (const auto& o : alt.original_entries) {
        originals.push_back(o.description);
        mine = mine || o.description == e.description;
      }
      if (!mine) continue;
      for (const auto& option : alt.options) {
        FieldAlternative fa;
        fa.original_fields_due = originals;
        for (const auto& oe : option.entries) fa.alternative_fields_due.push_back(oe.description);
        f.alternatives.push_back(std::move(fa));
      }
    }
    fields.push_back(std::move(f));
  }
  plan.groups = detail::into_groups(std::move(fields), plan.business_type == "individual");
  return plan;
}

/// The plan for a v2 account whose persons are not listed (see the overload above): a
/// referenced person's fields are grouped by the entry's name alone.
inline CollectionPlan collection_plan(const v2::core::Account& account, Strategy strategy) {
  return collection_plan(account, std::vector<v2::core::AccountPerson>{}, strategy);
}

}  // namespace stripe::onboarding
