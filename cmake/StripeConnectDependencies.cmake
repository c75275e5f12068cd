# Finds what each target needs, and says which Debian package provides it when it is missing.
include(GNUInstallDirs)

# A parent project that already provides nlohmann_json::nlohmann_json (FetchContent, a vendored
# copy, its own find_package) keeps it: finding another copy could mix two versions.
if(NOT TARGET nlohmann_json::nlohmann_json)
  find_package(nlohmann_json 3.10 CONFIG QUIET)
  if(NOT nlohmann_json_FOUND)
    message(FATAL_ERROR "stripe_connect needs nlohmann_json >= 3.10 (Debian/Ubuntu: apt-get install nlohmann-json3-dev)")
  endif()
endif()

if(STRIPE_CONNECT_WITH_CURL)
  find_package(CURL QUIET)
  if(NOT CURL_FOUND)
    message(FATAL_ERROR "stripe_connect::curl needs libcurl (Debian/Ubuntu: apt-get install libcurl4-openssl-dev), "
                        "or configure with -DSTRIPE_CONNECT_WITH_CURL=OFF and bring your own transport")
  endif()
endif()

if(STRIPE_CONNECT_WITH_WEBHOOK)
  find_package(OpenSSL QUIET COMPONENTS Crypto)
  if(NOT OpenSSL_FOUND)
    message(FATAL_ERROR "stripe_connect::webhook needs OpenSSL (Debian/Ubuntu: apt-get install libssl-dev), "
                        "or configure with -DSTRIPE_CONNECT_WITH_WEBHOOK=OFF")
  endif()
endif()

if(STRIPE_CONNECT_BUILD_SIM_SERVER)
  # cpp-httplib: its CMake package where there is one (vcpkg, conan, a source install), else
  # pkg-config (Debian's libcpp-httplib-dev).
  find_package(Threads REQUIRED)
  find_package(httplib CONFIG QUIET)
  if(TARGET httplib::httplib)
    add_library(stripe_connect_httplib INTERFACE)
    target_link_libraries(stripe_connect_httplib INTERFACE httplib::httplib)
  else()
    find_package(PkgConfig QUIET)
    if(PkgConfig_FOUND)
      pkg_check_modules(STRIPE_CONNECT_HTTPLIB QUIET IMPORTED_TARGET cpp-httplib)
    endif()
    if(NOT STRIPE_CONNECT_HTTPLIB_FOUND)
      message(FATAL_ERROR "stripe-connect-sim needs cpp-httplib (Debian/Ubuntu: apt-get install libcpp-httplib-dev), "
                          "or configure with -DSTRIPE_CONNECT_BUILD_SIM_SERVER=OFF")
    endif()
    add_library(stripe_connect_httplib INTERFACE)
    target_link_libraries(stripe_connect_httplib INTERFACE PkgConfig::STRIPE_CONNECT_HTTPLIB)
  endif()
endif()
