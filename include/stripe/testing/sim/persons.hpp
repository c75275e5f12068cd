#pragma once
// /v1/accounts/{id}/persons: the people of a company. The representative's details provide the
// account's representative.* requirements, and from then on the account names them after the
// person (person_XXX.verification.document), as the API does; the person shows its own
// requirements without the prefix. Verified fields go through pending_verification and the
// simulator's verification_delay like an individual's.
#include <algorithm>
#include <string>
#include <vector>

#include "stripe/testing/sim/files.hpp"
#include "stripe/testing/sim/listing.hpp"
#include "stripe/testing/sim/object_events.hpp"
#include "stripe/testing/sim/tokens.hpp"
#include "stripe/v1/person_params.hpp"

namespace stripe::testing::sim {

inline bool is_representative_item(const Item& i) { return i.spec->name.rfind("representative.", 0) == 0; }

inline json person_requirements(const Account& a, const PersonRecord& r) {
  json req = {{"alternatives", json::array()}, {"currently_due", json::array()}, {"errors", json::array()},
              {"eventually_due", json::array()}, {"past_due", json::array()}, {"pending_verification", json::array()}};
  if (r.id != a.surface.representative) return req;
  const std::size_t prefix = std::string("representative.").size();
  for (const auto& i : a.items) {
    if (!is_representative_item(i)) continue;
    const std::string name = i.spec->name.substr(prefix);
    if (blocking(i)) req["currently_due"].push_back(name);
    if (blocking(i) && a.past_deadline) req["past_due"].push_back(name);
    if (i.state == Item::State::due && !is_future(i)) req["eventually_due"].push_back(name);
    if (i.state == Item::State::pending) req["pending_verification"].push_back(name);
    if (!i.error_code.empty())
      req["errors"].push_back({{"code", i.error_code}, {"reason", i.error_reason}, {"requirement", name}});
  }
  return req;
}

// unverified, pending or verified: the representative's by its verified requirements; anyone
// else's by whether a document was given.
inline std::string verification_status(const Account& a, const PersonRecord& r) {
  const json doc = r.data.value("verification", json::object()).value("document", json::object());
  const bool document = !param(doc, "front").empty();
  if (r.id != a.surface.representative) return document ? "verified" : "unverified";
  bool any = false;
  for (const auto& i : a.items) {
    if (!is_representative_item(i) || !i.spec->verified) continue;
    any = true;
    if (i.state == Item::State::pending) return "pending";
    if (i.state == Item::State::due) return "unverified";
  }
  return any || document ? "verified" : "unverified";
}

inline json render_person(const Account& a, const PersonRecord& r) {
  const json& d = r.data;
  json out = {{"id", r.id}, {"object", "person"}, {"account", a.id}, {"created", r.created}};
  for (const char* key : {"first_name", "last_name", "email", "phone", "gender", "nationality", "maiden_name",
                          "first_name_kana", "last_name_kana", "first_name_kanji", "last_name_kanji", "political_exposure"})
    out[key] = d.contains(key) && d[key].is_string() && !d[key].get<std::string>().empty() ? d[key] : json(nullptr);
  out["address"] = d.value("address", json::object());
  json dob = {{"day", nullptr}, {"month", nullptr}, {"year", nullptr}};
  if (d.contains("dob") && d["dob"].is_object())
    for (const char* part : {"day", "month", "year"})
      if (!param(d["dob"], part).empty()) dob[part] = std::stoll(param(d["dob"], part));
  out["dob"] = dob;
  const json rel = d.value("relationship", json::object());
  json relationship = json::object();
  for (const char* flag : {"authorizer", "director", "executive", "legal_guardian", "owner", "representative"})
    relationship[flag] = truthy(rel, flag);
  relationship["title"] = param(rel, "title").empty() ? json(nullptr) : json(param(rel, "title"));
  relationship["percent_ownership"] =
      param(rel, "percent_ownership").empty() ? json(nullptr) : json(std::stod(param(rel, "percent_ownership")));
  out["relationship"] = relationship;
  out["id_number_provided"] = !param(d, "id_number").empty();  // never the number itself
  out["ssn_last_4_provided"] = !param(d, "ssn_last_4").empty();
  const json v = d.value("verification", json::object());
  auto document = [&](const char* which) {
    const json doc = v.value(which, json::object());
    return json{{"front", param(doc, "front").empty() ? json(nullptr) : json(param(doc, "front"))},
                {"back", param(doc, "back").empty() ? json(nullptr) : json(param(doc, "back"))},
                {"details", nullptr}, {"details_code", nullptr}};
  };
  out["verification"] = {{"status", verification_status(a, r)}, {"details", nullptr}, {"details_code", nullptr},
                         {"document", document("document")}, {"additional_document", document("additional_document")}};
  out["requirements"] = person_requirements(a, r);
  out["future_requirements"] = {{"alternatives", json::array()}, {"currently_due", json::array()},
                                {"errors", json::array()},       {"eventually_due", json::array()},
                                {"past_due", json::array()},     {"pending_verification", json::array()}};
  out["metadata"] = d.value("metadata", json::object());
  out["full_name_aliases"] = json::array();
  return out;
}

inline PersonRecord* find_person(Account& a, const std::string& id) {
  for (auto& r : a.surface.persons)
    if (r.id == id) return &r;
  return nullptr;
}

// The representative.* requirements start over: nobody's details provide them any more.
inline void forget_representative(Account& a) {
  a.surface.representative.clear();
  for (auto& item : a.items)
    if (is_representative_item(item)) {
      item.state = Item::State::due;
      item.reverifying = false;
      item.submitted_at = 0;
    }
}

// After `r` changed by `update`: who represents the account, and what its details provide.
inline void follow_representative(State& s, Account& a, PersonRecord& r, const json& update) {
  const bool is_rep = truthy(r.data.value("relationship", json::object()), "representative");
  if (!is_rep) {
    if (a.surface.representative == r.id) forget_representative(a);
    return;
  }
  if (a.surface.representative != r.id) {  // a new representative replaces the one before
    for (auto& other : a.surface.persons)
      if (other.id != r.id && other.data.contains("relationship")) other.data["relationship"]["representative"] = "false";
    forget_representative(a);
    a.surface.representative = r.id;
    apply_prefill(s, a, json{{"representative", r.data}});
    return;
  }
  apply_prefill(s, a, json{{"representative", update}});
}

// The params without what is not the person's own (expand, person_token).
inline json person_data(json p) {
  p.erase("expand");
  p.erase("person_token");
  return p;
}

inline http::Response create_person(State& s, Account& a, json& p) {
  if (auto problem = check_params<v1::PersonCreateParams>(p, true)) return bad(s, *problem);
  TokenRecord* token = nullptr;
  json data = json::object();
  if (!param(p, "person_token").empty()) {
    if (auto problem = take_token(s, param(p, "person_token"), "person", "person_token", token)) return *problem;
    data = token->data;
  }
  stripe::detail::merge_into(data, person_data(p));
  if (auto problem = unknown_document(s, data.value("verification", json::object()), "")) return *problem;
  if (token) token->used = true;
  PersonRecord r;
  r.id = s.next_id("person_");
  r.created = s.clock;
  r.data = std::move(data);
  a.surface.persons.push_back(std::move(r));
  PersonRecord& kept = a.surface.persons.back();
  follow_representative(s, a, kept, kept.data);
  const json shown = render_person(a, kept);
  queue_object_event(s, a.id, "person.created", shown);
  ++s.commits;
  touch(s, a);
  return reply(s, 200, shown);
}

inline http::Response person_endpoint(State& s, Account& a, http::Method m, const std::string& id, json& p) {
  PersonRecord* r = find_person(a, id);
  if (!r) return missing(s, "person", id);
  if (m == http::Method::get) {
    if (auto problem = check_params<v1::PersonRetrieveParams>(p, true)) return bad(s, *problem);
    return reply(s, 200, render_person(a, *r));
  }
  if (m == http::Method::post) {
    if (auto problem = check_params<v1::PersonUpdateParams>(p, true)) return bad(s, *problem);
    TokenRecord* token = nullptr;
    json update = person_data(p);
    if (!param(p, "person_token").empty()) {
      if (auto problem = take_token(s, param(p, "person_token"), "person", "person_token", token)) return *problem;
      json merged = token->data;
      stripe::detail::merge_into(merged, update);
      update = std::move(merged);
    }
    if (auto problem = unknown_document(s, update.value("verification", json::object()), "")) return *problem;
    if (token) token->used = true;
    const json before = render_person(a, *r);
    stripe::detail::merge_into(r->data, update);
    follow_representative(s, a, *r, update);
    const json after = render_person(a, *r);
    json previous = json::object();
    for (auto it = after.begin(); it != after.end(); ++it)
      if (before[it.key()] != it.value()) previous[it.key()] = before[it.key()];
    queue_object_event(s, a.id, "person.updated", after, previous);
    ++s.commits;
    touch(s, a);
    return reply(s, 200, after);
  }
  const json shown = render_person(a, *r);
  if (a.surface.representative == id) forget_representative(a);
  a.surface.persons.erase(a.surface.persons.begin() + (r - a.surface.persons.data()));
  queue_object_event(s, a.id, "person.deleted", shown);
  ++s.commits;
  touch(s, a);
  return reply(s, 200, {{"id", id}, {"object", "person"}, {"deleted", true}});
}

inline http::Response list_persons(State& s, const Account& a, json& p) {
  if (auto problem = check_params<v1::PersonListParams>(p, true)) return bad(s, *problem);
  const json wanted = p.value("relationship", json::object());
  std::vector<json> newest_first;
  for (auto it = a.surface.persons.rbegin(); it != a.surface.persons.rend(); ++it) {
    const json rel = it->data.value("relationship", json::object());
    bool keep = true;
    for (auto f = wanted.begin(); f != wanted.end(); ++f)
      keep = keep && truthy(rel, f.key().c_str()) == (f.value() == "true" || f.value() == true);
    if (keep) newest_first.push_back(render_person(a, *it));
  }
  return reply(s, 200, list_page(newest_first, p, "/v1/accounts/" + a.id + "/persons"));
}

}  // namespace stripe::testing::sim
