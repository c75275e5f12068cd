#pragma once
// How a Client without ClientOptions::transport finds its default one, safely across translation
// units. The core never names libcurl: <stripe/http/curl_transport.hpp> registers a factory when
// any translation unit of the program includes it (client.hpp does so when the target links
// stripe_connect::curl). Every translation unit then sees the same default, whatever it links;
// no inline function changes its body with the build flags.
#include <memory>
#include <mutex>
#include <string>

#include "stripe/http/transport.hpp"

namespace stripe::http {

/// Makes the transport a Client uses when ClientOptions::transport is unset.
using TransportFactory = std::shared_ptr<Transport> (*)();

namespace detail {
struct DefaultTransportSlot {
  std::mutex mutex;
  TransportFactory factory = nullptr;
  const char* name = "";
};
inline DefaultTransportSlot& default_transport_slot() {
  static DefaultTransportSlot slot;  // one per program: a function-local static of an inline function
  return slot;
}
}  // namespace detail

/// Sets the default transport for every Client built afterwards without one. Returns true so that
/// a header can register at static initialisation (`inline const bool registered = ...`).
inline bool set_default_transport(const char* name, TransportFactory factory) {
  auto& slot = detail::default_transport_slot();
  std::lock_guard<std::mutex> lock(slot.mutex);
  slot.factory = factory;
  slot.name = name;
  return true;
}

/// The registered default transport and the name it was registered under.
struct DefaultTransport {
  std::shared_ptr<Transport> transport;  ///< null when none is registered
  std::string name;  ///< name of the registered transport (e.g. "curl"); empty when none
};

/// A new instance of the registered default transport, if any.
inline DefaultTransport make_default_transport() {
  auto& slot = detail::default_transport_slot();
  TransportFactory factory;
  std::string name;
  {
    std::lock_guard<std::mutex> lock(slot.mutex);
    factory = slot.factory;
    name = slot.name;
  }
  if (!factory) return {};
  return {factory(), name};
}

}  // namespace stripe::http
