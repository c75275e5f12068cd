#pragma once
// The people of a v2 account (/v2/core/accounts/{id}/persons): create (from params or a
// person_token), retrieve, update, delete, list. A representative's details, and an owner,
// director or executive, meet the account's requirements of the same names, as v1 persons do.
#include <algorithm>
#include <string>
#include <vector>

#include "stripe/encoding/model.hpp"
#include "stripe/testing/param_schema.hpp"
#include "stripe/testing/sim/events.hpp"
#include "stripe/testing/sim/http.hpp"
#include "stripe/testing/sim/v2_paging.hpp"
#include "stripe/testing/sim/v2_tokens.hpp"
#include "stripe/v2/core/person.hpp"
#include "stripe/v2/core/person_params.hpp"

namespace stripe::testing::sim {

// The AccountPerson object, through the typed model so only schema fields go out. ID numbers
// show their type only, as the API shows them.
inline json render_v2_person(const V2Person& p) {
  json j = {{"id", p.id}, {"object", "v2.core.account_person"}, {"account", p.account},
            {"created", rfc3339(p.created)}, {"updated", rfc3339(p.updated)}, {"livemode", false},
            {"metadata", p.metadata}};
  for (const char* key : {"given_name", "surname", "email", "phone", "address", "date_of_birth", "relationship",
                          "nationalities", "legal_gender", "political_exposure", "additional_addresses",
                          "additional_names", "script_addresses", "script_names", "documents",
                          "additional_terms_of_service"})
    if (p.fields.contains(key) && !p.fields[key].is_null()) j[key] = p.fields[key];
  if (p.fields.contains("id_numbers") && p.fields["id_numbers"].is_array()) {
    j["id_numbers"] = json::array();
    for (const auto& n : p.fields["id_numbers"]) j["id_numbers"].push_back({{"type", param(n, "type")}});
  }
  try {
    return encode(stripe::decode<v2::core::AccountPerson>(j));
  } catch (const std::exception&) {  // a document or attestation the params shape differently: left out
    for (const char* key : {"documents", "additional_terms_of_service"}) j.erase(key);
    return encode(stripe::decode<v2::core::AccountPerson>(j));
  }
}

// A person's details in the v1 requirement names (first_name, dob, id_number, ...).
inline json v2_person_as_v1(const json& f) {
  json v1 = json::object();
  auto copy = [&](const char* from, const char* to) {
    if (f.contains(from) && !f[from].is_null()) v1[to] = f[from];
  };
  copy("given_name", "first_name");
  copy("surname", "last_name");
  copy("email", "email");
  copy("phone", "phone");
  copy("address", "address");
  copy("date_of_birth", "dob");
  copy("nationalities", "nationality");
  copy("legal_gender", "gender");
  copy("political_exposure", "political_exposure");
  const json relationship = f.value("relationship", json::object());
  if (relationship.is_object() && relationship.contains("title")) v1["relationship"]["title"] = relationship["title"];
  if (f.contains("id_numbers") && f["id_numbers"].is_array())
    for (const auto& n : f["id_numbers"]) {
      const std::string type = param(n, "type");
      if (type != "us_ssn_last_4") v1["id_number"] = "provided";
      if (type == "us_ssn" || type == "us_ssn_last_4") v1["ssn_last_4"] = "provided";
    }
  const json documents = f.value("documents", json::object());
  if (documents.is_object() && documents.contains("primary_verification")) v1["verification"]["document"] = "provided";
  return v1;
}

// What a person provides: a representative its details; an owner, director or executive that
// the company's owners, directors or executives are provided.
inline void provide_v2_person_requirements(State& s, Account& a, const V2Person& p) {
  const json relationship = p.fields.value("relationship", json::object());
  if (!relationship.is_object()) return;
  auto is = [&](const char* role) { return relationship.value(role, json(false)) == json(true); };
  json provided = json::object();
  if (is("representative")) provided["representative"] = v2_person_as_v1(p.fields);
  if (is("owner")) provided["company"]["owners_provided"] = true;
  if (is("director")) provided["company"]["directors_provided"] = true;
  if (is("executive")) provided["company"]["executives_provided"] = true;
  if (!provided.empty()) apply_prefill(s, a, provided);
}

// Takes the params: metadata as v2 merges it (null removes a key), everything else as given.
inline void apply_v2_person(V2Person& person, const json& p) {
  for (auto it = p.begin(); it != p.end(); ++it) {
    if (it.key() == "metadata" && it.value().is_object()) {
      for (auto m = it.value().begin(); m != it.value().end(); ++m) {
        if (m.value().is_string()) person.metadata[m.key()] = m.value();
        else person.metadata.erase(m.key());
      }
    } else if (it.value().is_null()) {
      person.fields.erase(it.key());
    } else if (it.value().is_object() && person.fields.contains(it.key())) {
      stripe::detail::merge_into(person.fields[it.key()], it.value());
    } else {
      person.fields[it.key()] = it.value();
    }
  }
}

inline void announce_v2_person(State& s, const V2Person& p, const std::string& type) {
  json related = {{"id", p.id}, {"type", "v2.core.account_person"},
                  {"url", "/v2/core/accounts/" + p.account + "/persons/" + p.id}};
  queue(s, type, make_v2_event(s, type, p.account, related, {{"account_id", p.account}}));
}

// The person `id` of account `a`, or null.
inline V2Person* find_v2_person(State& s, const Account& a, const std::string& id) {
  auto it = s.v2core.persons.find(id);
  return it == s.v2core.persons.end() || it->second.account != a.id ? nullptr : &it->second;
}

inline http::Response create_v2_person(State& s, Account& a, json& p) {
  if (auto problem = check_params<v2::core::PersonCreateParams>(p, false)) return bad(s, *problem);
  if (auto refused = redeem_v2_token(s, p, "person_token", a.id)) return *refused;
  V2Person person;
  person.id = s.next_id("person_");
  person.account = a.id;
  person.created = person.updated = s.clock;
  apply_v2_person(person, p);
  const std::string id = person.id;
  V2Person& kept = s.v2core.persons.emplace(id, std::move(person)).first->second;
  s.v2core.person_order.push_back(id);
  ++s.commits;
  provide_v2_person_requirements(s, a, kept);
  touch(s, a);
  announce_v2_person(s, kept, "v2.core.account_person.created");
  return reply(s, 200, render_v2_person(kept));
}

inline http::Response update_v2_person(State& s, Account& a, V2Person& person, json& p) {
  if (auto problem = check_params<v2::core::PersonUpdateParams>(p, false)) return bad(s, *problem);
  if (auto refused = redeem_v2_token(s, p, "person_token", a.id)) return *refused;
  apply_v2_person(person, p);
  person.updated = s.clock;
  ++s.commits;
  provide_v2_person_requirements(s, a, person);
  touch(s, a);
  announce_v2_person(s, person, "v2.core.account_person.updated");
  return reply(s, 200, render_v2_person(person));
}

inline http::Response retrieve_v2_person(State& s, const V2Person& person, json& p) {
  if (auto problem = check_params<v2::core::PersonRetrieveParams>(p, true)) return bad(s, *problem);
  return reply(s, 200, render_v2_person(person));
}

// What the person met stays met: Stripe, too, does not ask again until it reviews the account.
inline http::Response delete_v2_person(State& s, std::string id) {  // a copy: the person goes
  V2Person gone = std::move(s.v2core.persons.at(id));
  s.v2core.persons.erase(id);
  auto& order = s.v2core.person_order;
  order.erase(std::remove(order.begin(), order.end(), id), order.end());
  ++s.commits;
  announce_v2_person(s, gone, "v2.core.account_person.deleted");
  return reply(s, 200, {{"id", id}, {"object", "v2.core.account_person"}});
}

// Newest first, as the API lists.
inline http::Response list_v2_persons(State& s, const Account& a, json& p) {
  V2Page page;
  if (auto refused = take_v2_page_token(s, p, page)) return *refused;
  if (auto problem = check_params<v2::core::PersonListParams>(p, true)) return bad(s, *problem);
  read_v2_limit(p, page);
  std::vector<const V2Person*> matched;
  for (auto it = s.v2core.person_order.rbegin(); it != s.v2core.person_order.rend(); ++it) {
    const V2Person& person = s.v2core.persons.at(*it);
    if (person.account == a.id) matched.push_back(&person);
  }
  json data = json::array();
  for (std::size_t i = page.offset; i < matched.size() && i < page.offset + page.limit; ++i)
    data.push_back(render_v2_person(*matched[i]));
  return reply(s, 200, v2_page_body("/v2/core/accounts/" + a.id + "/persons", page, matched.size(), std::move(data)));
}

}  // namespace stripe::testing::sim
