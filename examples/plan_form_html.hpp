#pragma once
// HTML for api_onboarding_web: a page shell and one collection-plan group as a plain form, each
// field with its label, description, an input chosen by its value type and the errors about it.
// Everything that comes from the user, the SDK or Stripe goes through escape(): requirement
// strings, labels and error reasons are data, never markup.
#include <map>
#include <string>
#include <vector>

#include "stripe/onboarding/apply_answers.hpp"

namespace plan_form {

namespace ob = stripe::onboarding;

inline std::string escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

inline std::string page(const std::string& title, const std::string& body) {
  return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) +
         "</title>\n<style>"
         "body{font-family:sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;color:#222}"
         "h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:0}"
         ".steps{font-size:.85rem;color:#666;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:.6rem}"
         ".steps .now{color:#000;font-weight:bold}"
         ".field{margin:.7rem 0}.field label{display:block;font-weight:bold}"
         ".help{font-size:.8rem;color:#555;margin:.1rem 0}.due{font-size:.75rem;color:#8a5a00}"
         "input,select{font-size:1rem;padding:.2rem;min-width:16rem}"
         ".error{color:#b00020;font-size:.85rem;margin:.2rem 0}"
         ".whose{font-size:.9rem;margin:1rem 0 .2rem;border-bottom:1px solid #ddd}"
         "button{font-size:1rem;padding:.4rem 1rem;margin-top:.8rem}.state{font-size:1.4rem;font-weight:bold}"
         "</style></head>\n<body><h1>Seller onboarding</h1>\n" +
         body + "</body></html>\n";
}

// The form fields of a bank account given as details (no Stripe.js in a plain form), in place
// of the plan's `external_account` token field.
inline std::vector<ob::PlanField> bank_detail_fields(const ob::PlanField& external_account) {
  std::vector<ob::PlanField> out;
  for (const auto& s : ob::bank_account_part_specs()) {
    ob::PlanField f;
    f.requirement = s.key;
    f.group = ob::Group::bank_account;
    f.type = s.type;
    f.label = s.label;
    f.description = s.description;
    f.due = external_account.due;
    f.errors = external_account.errors;  // Stripe's errors name external_account: show them on each part
    out.push_back(std::move(f));
  }
  return out;
}

// Fields the server fills itself rather than asking: when and from where the user accepted the
// terms (or made a declaration), and with which browser.
inline bool filled_by_server(const ob::PlanField& f) {
  return f.type == ob::ValueType::unix_time || f.type == ob::ValueType::ip_address ||
         f.requirement == "tos_acceptance.user_agent";
}

inline std::string input_for(const ob::PlanField& f, const std::string& value) {
  const std::string name = escape(f.requirement);
  const std::string attrs = " id=\"" + name + "\" name=\"" + name + "\"";
  auto options = [&](const std::vector<std::pair<std::string, std::string>>& values) {
    std::string html = "<select" + attrs + "><option value=\"\">Choose...</option>";
    for (const auto& [v, text] : values)
      html += "<option value=\"" + escape(v) + "\"" + (v == value ? " selected" : "") + ">" + escape(text) + "</option>";
    return html + "</select>";
  };
  auto input = [&](const std::string& type, const std::string& extra) {
    return "<input type=\"" + type + "\"" + attrs + " value=\"" + escape(value) + "\"" + extra + ">";
  };
  using V = ob::ValueType;
  switch (f.type) {
    case V::enumeration: {
      std::vector<std::pair<std::string, std::string>> values;
      for (const auto& v : f.allowed_values) values.emplace_back(v, v);
      return options(values);
    }
    case V::boolean: return options({{"true", "Yes"}, {"false", "No"}});
    case V::email: return input("email", " autocomplete=\"email\"");
    case V::phone: return input("tel", " autocomplete=\"tel\"");
    case V::url: return input("url", "");
    case V::day: return input("number", " min=\"1\" max=\"31\"");
    case V::month: return input("number", " min=\"1\" max=\"12\"");
    case V::year: return input("number", " min=\"1900\" max=\"9999\"");
    case V::percent: return input("number", " min=\"0\" max=\"100\" step=\"0.01\"");
    case V::country: return input("text", " maxlength=\"2\" size=\"2\" placeholder=\"GB\"");
    case V::currency: return input("text", " maxlength=\"3\" size=\"3\" placeholder=\"gbp\"");
    case V::four_digits: return input("text", " inputmode=\"numeric\" maxlength=\"4\"");
    case V::file: return "<input type=\"file\"" + attrs + " accept=\"image/png,image/jpeg,application/pdf\">";
    default: return input("text", "");
  }
}

// One field: label, urgency, description, input, then each error beside it. `value` refills
// what the user typed when the form comes back with errors.
inline std::string field_html(const ob::PlanField& f, const std::string& value, const std::vector<std::string>& errors) {
  std::string html = "<div class=\"field\"><label for=\"" + escape(f.requirement) + "\">" + escape(f.label) + "</label>";
  if (f.due == ob::Due::past_due) html += "<span class=\"due\">past due</span>";
  html += "<p class=\"help\">" + escape(f.description) + "</p>" + input_for(f, value);
  for (const auto& e : errors) html += "<p class=\"error\" role=\"alert\">" + escape(e) + "</p>";
  return html + "</div>\n";
}

// Whose fields follow, when a group holds people's (owners, a new representative): `names`
// maps a person id to the name given.
inline std::string whose(const ob::PlanField& f, const std::map<std::string, std::string>& names) {
  if (!f.target.person.empty()) {
    auto it = names.find(f.target.person);
    return it != names.end() && it->second != " " ? it->second : f.target.person;
  }
  if (!f.target.role.empty()) return "New " + f.target.role;
  return "";
}

}  // namespace plan_form
