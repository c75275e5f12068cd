// API onboarding as a small web application: the platform's own server-rendered forms, no
// JavaScript. It creates a UK company's account, then asks for what the account's collection
// plan says is needed, one group per page (business details, representative, owners,
// directors, bank account, terms of service, documents), with each field's label, description
// and errors beside it; uploads the ID document to Stripe's files host; records the terms of
// service acceptance with the user's IP and the time; and ends on the account's state.
//
//   api_onboarding_web [--port 4242] [--max-requests N]
//
// Without STRIPE_SECRET_KEY it runs offline against the in-process simulator (a button then
// plays Stripe finishing its verifications); with it, against Stripe (STRIPE_API_BASE and
// STRIPE_FILES_BASE as in the other examples). It serves one seller at a time on 127.0.0.1: a
// real platform keeps the account id with its signed-in user.
#include <httplib.h>

#include <ctime>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>

#include "example_env.hpp"
#include "example_server.hpp"
#include "plan_form_html.hpp"
#include "stripe/onboarding/apply_answers.hpp"
#include "stripe/testing/simulator.hpp"
#include "stripe/v1/files.hpp"
#include "stripe/v1/persons.hpp"

namespace {

namespace ob = stripe::onboarding;
using plan_form::escape;

// Where the calls go: Stripe, or the simulator (whose clock the terms' acceptance date follows).
struct Backend {
  std::shared_ptr<stripe::testing::Simulator> sim;  // null against Stripe
  std::optional<stripe::Client> client;
  std::int64_t now() const { return sim ? sim->now() : static_cast<std::int64_t>(std::time(nullptr)); }
};

Backend make_backend() {
  Backend b;
  const char* key = std::getenv("STRIPE_SECRET_KEY");
  if (key && *key) {
    b.client = client_from_env("api_onboarding_web");
    return b;
  }
  b.sim = std::make_shared<stripe::testing::Simulator>();
  stripe::ClientOptions o;
  o.secret_key = "sk_test_api_onboarding_web";
  o.transport = b.sim;
  b.client.emplace(o);
  return b;
}

// What a submitted form comes back with: the values as typed and the problems per field.
struct FormState {
  std::map<std::string, std::string> values;
  std::map<std::string, std::vector<std::string>> errors;  // requirement (or "accept") -> messages
  std::vector<std::string> general;                      // problems not about one field
};

// A UK company, as the collection plan's simulator test creates it: Stripe collects nothing
// itself (custom), so the platform must ask for every requirement.
std::string create_company_account(const stripe::Client& client) {
  stripe::v1::AccountCreateParams create;
  create.type = "custom";
  create.country = "GB";
  create.business_type = "company";
  create.capabilities.emplace().card_payments.emplace().requested = true;
  create.capabilities->transfers.emplace().requested = true;
  return client.v1().accounts().create(create).value().id;
}

// The account as it stands, its plan, and its people's names (person_... fields are headed by
// whose they are).
struct Loaded {
  stripe::v1::Account account;
  ob::CollectionPlan plan;
  std::map<std::string, std::string> names;  // person id -> first and last name
};

Loaded load(const stripe::Client& client, const std::string& id) {
  Loaded l;
  l.account = client.v1().accounts().retrieve(id).value();
  std::vector<stripe::v1::Person> persons;  // they decide which group person_... fields go in
  for (const auto& p : client.v1().persons().list_all(id)) {
    l.names[p.id] = p.first_name.value_or("") + " " + p.last_name.value_or("");
    persons.push_back(p);
  }
  l.plan = ob::collection_plan(l.account, persons, ob::Strategy::up_front);
  return l;
}

// A group the app can ask for: one with a field the SDK knows. Fields it does not know are
// listed on the status page instead.
bool answerable(const ob::PlanGroup& g) {
  for (const auto& f : g.fields)
    if (f.known()) return true;
  return false;
}

const ob::PlanGroup* next_group(const ob::CollectionPlan& plan) {
  for (const auto& g : plan.groups)
    if (answerable(g)) return &g;
  return nullptr;
}

std::string group_form(const Loaded& loaded, const ob::PlanGroup& group, const FormState& state) {
  const auto& plan = loaded.plan;
  std::string html = "<ol class=\"steps\"><li>Still needed:</li>";
  for (const auto& g : plan.groups)
    if (answerable(g))
      html += std::string("<li") + (&g == &group ? " class=\"now\"" : "") + ">" + escape(g.title) + "</li>";
  html += "</ol>\n<h2>" + escape(group.title) + "</h2>\n";
  for (const auto& e : state.general) html += "<p class=\"error\" role=\"alert\">" + escape(e) + "</p>\n";
  bool upload = false, attest = false;
  for (const auto& f : group.fields) {
    upload = upload || f.type == ob::ValueType::file;
    attest = attest || plan_form::filled_by_server(f);
  }
  html += std::string("<form method=\"post\" action=\"/onboarding\"") +
          (upload ? " enctype=\"multipart/form-data\"" : "") + ">\n<input type=\"hidden\" name=\"group\" value=\"" +
          escape(ob::to_string(group.group)) + "\">\n";
  auto errors_of = [&state](const ob::PlanField& f) {
    std::vector<std::string> out;
    if (auto it = state.errors.find(f.requirement); it != state.errors.end()) out = it->second;
    for (const auto& e : f.errors) out.push_back(e.reason);  // Stripe's verification errors
    return out;
  };
  auto value_of = [&state](const std::string& key) {
    auto it = state.values.find(key);
    return it == state.values.end() ? std::string() : it->second;
  };
  std::string person;
  std::vector<std::string> attest_errors = state.errors.count("accept") ? state.errors.at("accept") : std::vector<std::string>{};
  for (const auto& f : group.fields) {
    if (!f.known()) continue;
    if (plan_form::filled_by_server(f)) {
      for (const auto& e : errors_of(f)) attest_errors.push_back(e);
      continue;
    }
    if (plan_form::whose(f, loaded.names) != person) {
      person = plan_form::whose(f, loaded.names);
      if (!person.empty()) html += "<p class=\"whose\">" + escape(person) + "</p>\n";
    }
    if (f.type == ob::ValueType::bank_account) {
      for (const auto& part : plan_form::bank_detail_fields(f))
        html += plan_form::field_html(part, value_of(part.requirement), errors_of(part));
    } else {
      html += plan_form::field_html(f, value_of(f.requirement), errors_of(f));
    }
  }
  if (attest) {
    const bool tos = group.group == ob::Group::terms_of_service;
    html += std::string("<div class=\"field\" id=\"accept-field\"><label><input type=\"checkbox\" name=\"accept\" "
                        "value=\"yes\" style=\"min-width:0\"> ") +
            (tos ? "I accept the <a href=\"https://stripe.com/connect-account/legal\">Stripe Connected Account "
                   "Agreement</a>, which includes the Stripe Services Agreement."
                 : "I confirm that the information above is correct.") +
            "</label><p class=\"help\">We record when you " + (tos ? "accepted" : "confirmed") +
            " and the IP address you did it from.</p>";
    for (const auto& e : attest_errors) html += "<p class=\"error\" role=\"alert\">" + escape(e) + "</p>";
    html += "</div>\n";
  }
  return html + "<button type=\"submit\">Continue</button>\n</form>\n";
}

std::string status_page(const Backend& b, const stripe::v1::Account& account, const ob::CollectionPlan& plan) {
  const auto state = ob::account_state(account);
  const auto summary = ob::summarize(account);
  std::string html = "<h2>Account status</h2>\n<p>Account <code>" + escape(account.id) +
                     "</code></p>\n<p>State: <span class=\"state\" id=\"state\">" + escape(ob::to_string(state)) +
                     "</span></p>\n<ul><li>Details submitted: " + (account.details_submitted ? "yes" : "no") +
                     "</li><li>Charges enabled: " + (account.charges_enabled ? "yes" : "no") +
                     "</li><li>Payouts enabled: " + (account.payouts_enabled ? "yes" : "no") + "</li></ul>\n";
  if (!summary.pending_verification.empty()) {
    html += "<p>Stripe is verifying:</p><ul>";
    for (const auto& r : summary.pending_verification) html += "<li><code>" + escape(r) + "</code></li>";
    html += "</ul>\n";
    if (b.sim) {
      // Playing Stripe: its checks pass, or it rejects a document (the error then shows beside
      // the document's field, which is asked for again).
      html += "<form method=\"post\" action=\"/simulator/verify\"><button type=\"submit\">Let the simulator finish "
              "verifying</button></form>\n";
      for (const auto& r : summary.pending_verification)
        if (r.size() > 21 && r.compare(r.size() - 21, 21, "verification.document") == 0) {
          html += "<form method=\"post\" action=\"/simulator/reject\"><input type=\"hidden\" name=\"requirement\" value=\"" +
                  escape(r) + "\"><button type=\"submit\">Let the simulator reject the document</button></form>\n";
          break;
        }
    } else {
      html += "<p>This page reloads every few seconds until Stripe is done.</p>\n";
    }
  }
  for (const auto& g : plan.groups)
    for (const auto& f : g.fields)
      if (!f.known())
        html += "<p class=\"error\">Stripe also asks for <code>" + escape(f.requirement) +
                "</code>, which this app cannot collect yet.</p>\n";
  return html + "<form method=\"post\" action=\"/accounts\"><button type=\"submit\">Onboard another seller</button></form>\n";
}

std::string start_page(const Backend& b) {
  return std::string("<p>This platform onboards a UK company as a seller through the Stripe API: it asks for what "
                     "Stripe needs, a group at a time, and sends it.</p>\n<p>Running against ") +
         (b.sim ? "the in-process simulator (set STRIPE_SECRET_KEY to use Stripe)." : "Stripe, with your test key.") +
         "</p>\n<form method=\"post\" action=\"/accounts\"><button type=\"submit\">Start onboarding</button></form>\n";
}

// A form value: url-encoded forms land in params, multipart ones in files (text parts too).
std::string form_value(const httplib::Request& req, const std::string& name) {
  if (req.has_param(name.c_str())) return req.get_param_value(name.c_str());
  if (req.has_file(name.c_str())) return req.get_file_value(name.c_str()).content;
  return "";
}

// Reads one group's form into answers. Server-filled fields come from the request and the
// clock once the user ticked the box; documents are checked here and uploaded later.
ob::Answers read_answers(const Backend& b, const httplib::Request& req, const ob::PlanGroup& group, FormState& state) {
  ob::Answers answers;
  for (const auto& f : group.fields) {
    if (!f.known()) continue;
    if (f.type == ob::ValueType::file) {
      if (!req.has_file(f.requirement.c_str()) || req.get_file_value(f.requirement.c_str()).content.empty())
        state.errors[f.requirement].push_back("Choose a file to upload.");
    } else if (plan_form::filled_by_server(f)) {
      if (form_value(req, "accept") != "yes") {
        if (!state.errors.count("accept")) state.errors["accept"].push_back("Tick the box to continue.");
        continue;
      }
      if (f.type == ob::ValueType::unix_time) answers[f.requirement] = std::to_string(b.now());
      if (f.type == ob::ValueType::ip_address) answers[f.requirement] = req.remote_addr;  // the user's, not a header's
      if (f.requirement == "tos_acceptance.user_agent") answers[f.requirement] = req.get_header_value("User-Agent");
    } else if (f.type == ob::ValueType::bank_account) {
      for (const auto& part : plan_form::bank_detail_fields(f)) {
        const std::string v = form_value(req, part.requirement);
        if (part.requirement != "external_account.account_number") state.values[part.requirement] = v;  // never echoed
        const bool needed = part.requirement == "external_account.account_number" || part.requirement == "external_account.country";
        if (needed || !v.empty()) answers[part.requirement] = v;
      }
    } else {
      answers[f.requirement] = state.values[f.requirement] = form_value(req, f.requirement);
    }
  }
  return answers;
}

// Uploads the group's documents to Stripe's files host; each file id becomes the answer.
void upload_documents(const Backend& b, const httplib::Request& req, const ob::PlanGroup& group, ob::Answers& answers) {
  for (const auto& f : group.fields) {
    if (f.type != ob::ValueType::file) continue;
    const auto file = req.get_file_value(f.requirement.c_str());
    stripe::v1::FileCreateParams upload;
    upload.purpose = f.file_purpose;
    upload.file.name = file.filename.empty() ? "document" : file.filename;
    if (!file.content_type.empty()) upload.file.type = file.content_type;
    upload.file.data = file.content;  // as uploaded; never logged
    const auto created = b.client->v1().files().create(upload).value();
    std::cout << "uploaded " << f.requirement << " as " << created.id << std::endl;
    answers[f.requirement] = created.id;
  }
}

// A Stripe error names a wire key (company[name]); put it beside the field that sets it.
void place_stripe_error(const ob::PlanGroup& group, const stripe::Error& e, FormState& state) {
  const auto* invalid = dynamic_cast<const stripe::InvalidRequestError*>(&e);
  if (invalid && !invalid->param().empty())
    for (const auto& f : group.fields)
      if (f.wire_key == invalid->param() || f.requirement == invalid->param()) {
        state.errors[f.requirement].push_back(e.message());
        return;
      }
  state.general.push_back("Stripe refused the update: " + e.message());
}

}  // namespace

int main(int argc, char** argv) {
  ExampleServer server(argc, argv);
  Backend b = make_backend();
  if (!b.client) return 2;
  std::cout << "api_onboarding_web: against " << (b.sim ? "the in-process simulator" : "Stripe") << std::endl;
  std::mutex mutex;     // one request at a time: the seller below is shared
  std::string account;  // the seller being onboarded; a real platform stores it with its user

  auto html = [](httplib::Response& res, const std::string& body, int status = 200) {
    res.status = status;
    res.set_content(plan_form::page("Seller onboarding", body), "text/html; charset=utf-8");
  };
  auto redirect = [](httplib::Response& res, const char* to) {
    res.status = 303;
    res.set_header("Location", to);
  };

  server.http().Get("/", [&](const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mutex);
    html(res, start_page(b));
    server.handled();
  });
  server.http().Post("/accounts", [&](const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mutex);
    try {
      account = create_company_account(*b.client);
      std::cout << "created company account " << account << std::endl;
      redirect(res, "/onboarding");
    } catch (const stripe::Error& e) {
      html(res, "<p class=\"error\">Could not create the account: " + escape(e.message()) + "</p>", 502);
    }
    server.handled();
  });
  server.http().Get("/onboarding", [&](const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mutex);
    if (account.empty()) {
      redirect(res, "/");
    } else {
      try {
        const auto loaded = load(*b.client, account);
        if (const auto* group = next_group(loaded.plan)) {
          html(res, group_form(loaded, *group, {}));
        } else {
          const bool waiting = !b.sim && !ob::summarize(loaded.account).pending_verification.empty();
          html(res, status_page(b, loaded.account, loaded.plan));
          if (waiting) res.set_header("Refresh", "3");
        }
      } catch (const stripe::Error& e) {
        html(res, "<p class=\"error\">Could not read the account: " + escape(e.message()) + "</p>", 502);
      }
    }
    server.handled();
  });
  server.http().Post("/onboarding", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mutex);
    if (account.empty()) {  // no seller yet: start there
      redirect(res, "/");
      server.handled();
      return;
    }
    try {
      const auto loaded = load(*b.client, account);
      const auto& plan = loaded.plan;
      const ob::PlanGroup* group = nullptr;
      for (const auto& g : plan.groups)
        if (ob::to_string(g.group) == form_value(req, "group")) group = &g;
      if (!group) {  // already answered (a second submit): show what is next
        redirect(res, "/onboarding");
        server.handled();
        return;
      }
      FormState state;
      auto answers = read_answers(b, req, *group, state);
      for (const auto& problem : ob::validate_answers(plan, answers)) {
        // The message starts with the requirement; the form shows it beside the field instead.
        const std::string prefix = problem.param() + ": ";
        std::string text = problem.message();
        if (text.rfind(prefix, 0) == 0) text = text.substr(prefix.size());
        state.errors[problem.param()].push_back(text);
      }
      if (state.errors.empty()) {
        try {
          upload_documents(b, req, *group, answers);
          ob::submit_answers(*b.client, account, ob::apply_answers(plan, answers)).value();
          std::cout << "submitted " << group->title << " for " << account << std::endl;
          redirect(res, "/onboarding");
          server.handled();
          return;
        } catch (const stripe::Error& e) {
          place_stripe_error(*group, e, state);
        }
      }
      html(res, group_form(loaded, *group, state), 422);
    } catch (const stripe::Error& e) {
      html(res, "<p class=\"error\">Could not read the account: " + escape(e.message()) + "</p>", 502);
    }
    server.handled();
  });
  server.http().Post("/simulator/verify", [&](const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mutex);
    if (b.sim) b.sim->advance_clock(stripe::testing::SimulatorOptions().verification_delay);  // Stripe's checks finish
    redirect(res, "/onboarding");
    server.handled();
  });
  server.http().Post("/simulator/reject", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mutex);
    try {
      if (b.sim && !account.empty()) b.sim->fail_verification(account, form_value(req, "requirement"));
    } catch (const std::invalid_argument&) {  // not pending any more: nothing to reject
    }
    redirect(res, "/onboarding");
    server.handled();
  });
  return server.run("api_onboarding_web", "/");
}
