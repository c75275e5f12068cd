#pragma once
// The simulator's requirement table: what a new account must provide, by country, business
// type and requested capabilities. It approximates Stripe's published verification
// requirements closely enough to exercise every onboarding path; docs/simulator.md prints it.
#include <set>
#include <string>
#include <vector>

namespace stripe::testing {

/// One onboarding requirement the simulator asks for, and how it behaves.
struct RequirementSpec {
  std::string name;          ///< the v1 requirement string, e.g. individual.dob.day
  bool eventually = false;   ///< eventually_due only (collected up front, or later)
  bool verified = false;     ///< goes through pending_verification before it counts
  bool future = false;       ///< announced in future_requirements, not due yet
  std::string capability;    ///< "" for everything, else the capability it gates
};

namespace detail {

inline void add(std::vector<RequirementSpec>& out, std::initializer_list<const char*> names, bool eventually = false,
                bool verified = false, const char* capability = "") {
  for (const char* n : names) out.push_back(RequirementSpec{n, eventually, verified, false, capability});
}

}  // namespace detail

// Countries with a table of their own; any other country gets the common rows only.
inline const std::set<std::string>& simulated_countries() {
  static const std::set<std::string> c = {"US", "GB", "DE", "FR", "JP", "SG"};
  return c;
}

inline std::vector<RequirementSpec> requirements_for(const std::string& country, const std::string& business_type,
                                                     const std::set<std::string>& capabilities) {
  using detail::add;
  std::vector<RequirementSpec> r;
  const bool company = business_type == "company" || business_type == "non_profit" ||
                       business_type == "government_entity";
  add(r, {"business_type"});
  add(r, {"tos_acceptance.date", "tos_acceptance.ip"});
  if (capabilities.count("card_payments")) add(r, {"business_profile.mcc", "business_profile.url"}, false, false, "card_payments");
  if (capabilities.count("transfers") || capabilities.count("card_payments"))
    add(r, {"external_account"}, false, true, capabilities.count("transfers") ? "transfers" : "card_payments");

  if (!company) {
    add(r, {"individual.first_name", "individual.last_name", "individual.dob.day", "individual.dob.month",
            "individual.dob.year", "individual.address.line1", "individual.address.city",
            "individual.address.postal_code", "individual.email", "individual.phone"});
    if (country == "US") {
      add(r, {"individual.address.state"});
      add(r, {"individual.ssn_last_4"}, false, true);
      add(r, {"individual.id_number"}, true, true);
      r.push_back({"individual.political_exposure", false, false, true, ""});
    } else if (country == "GB") {
      add(r, {"individual.verification.document"}, true, true);
    } else if (country == "DE") {
      add(r, {"individual.verification.document"}, true, true);
    } else if (country == "FR") {
      add(r, {"individual.verification.document", "individual.verification.additional_document"}, true, true);
    } else if (country == "JP") {
      add(r, {"individual.first_name_kana", "individual.last_name_kana", "individual.first_name_kanji",
              "individual.last_name_kanji", "individual.address_kana.line1", "individual.address_kanji.line1",
              "individual.gender"});
      add(r, {"individual.verification.document"}, true, true);
    } else if (country == "SG") {
      add(r, {"individual.nationality"});
      add(r, {"individual.id_number"}, false, true);
    }
  } else {
    add(r, {"company.name", "company.address.line1", "company.address.city", "company.address.postal_code",
            "company.phone", "representative.first_name", "representative.last_name", "representative.dob.day",
            "representative.dob.month", "representative.dob.year", "representative.email",
            "representative.relationship.title", "representative.address.line1", "company.owners_provided"});
    add(r, {"company.tax_id"}, false, true);
    if (country == "US") {
      add(r, {"company.address.state", "representative.ssn_last_4"});
      add(r, {"representative.id_number"}, true, true);
      add(r, {"company.executives_provided"}, true);
      r.push_back({"company.ownership_declaration.date", false, false, true, ""});
    } else if (country == "GB") {
      add(r, {"company.directors_provided"});
      add(r, {"representative.verification.document"}, true, true);
    } else if (country == "DE" || country == "FR") {
      add(r, {"company.directors_provided", "company.registration_number"});
      add(r, {"representative.verification.document"}, true, true);
    } else if (country == "JP") {
      add(r, {"company.name_kana", "company.name_kanji", "company.address_kana.line1", "company.address_kanji.line1"});
      add(r, {"representative.verification.document"}, true, true);
    } else if (country == "SG") {
      add(r, {"company.directors_provided"});
      add(r, {"representative.id_number"}, false, true);
    }
  }
  return r;
}

// The table above as Markdown, for docs/simulator.md (a test keeps the two equal). Names
// marked * go through pending_verification before they count.
inline std::string requirements_table_markdown() {
  auto append = [](std::string& out, const RequirementSpec& s) {
    out += (out.empty() ? "" : ", ") + ("`" + s.name + "`") + (s.verified ? "*" : "");
  };
  auto cell = [&](const std::vector<RequirementSpec>& specs, auto keep) {
    std::string out;
    for (const auto& s : specs)
      if (keep(s) && s.capability.empty()) append(out, s);
    return out.empty() ? std::string("-") : out;
  };
  std::string md = "| country | business type | currently due | eventually due | future requirements |\n"
                   "|---|---|---|---|---|\n";
  std::vector<std::string> countries(simulated_countries().begin(), simulated_countries().end());
  countries.push_back("other");
  for (const auto& country : countries) {
    for (const char* type : {"individual", "company"}) {
      auto specs = requirements_for(country, type, {});
      md += "| " + country + " | " + type + " | " +
            cell(specs, [](const RequirementSpec& s) { return !s.eventually && !s.future; }) + " | " +
            cell(specs, [](const RequirementSpec& s) { return s.eventually; }) + " | " +
            cell(specs, [](const RequirementSpec& s) { return s.future; }) + " |\n";
    }
  }
  md += "\n| requested capability | adds (currently due) |\n|---|---|\n";
  for (const char* cap : {"card_payments", "transfers"}) {
    std::string names;
    for (const auto& s : requirements_for("US", "individual", {cap}))
      if (!s.capability.empty()) append(names, s);
    md += std::string("| ") + cap + " | " + names + " |\n";
  }
  return md;
}

}  // namespace stripe::testing
