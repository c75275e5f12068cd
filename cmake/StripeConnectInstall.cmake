include(CMakePackageConfigHelpers)

# Headers, targets, the CMake package (arch independent: header-only), pkg-config files and
# the license. The config directory is share/ because nothing here depends on the architecture.
install(DIRECTORY include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS ${_sc_targets} EXPORT stripe_connectTargets)
install(EXPORT stripe_connectTargets
  NAMESPACE stripe_connect::
  DESTINATION ${CMAKE_INSTALL_DATADIR}/stripe_connect)

configure_package_config_file(cmake/stripe_connectConfig.cmake.in
  ${PROJECT_BINARY_DIR}/stripe_connectConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_DATADIR}/stripe_connect)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/stripe_connectConfigVersion.cmake
  COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES ${PROJECT_BINARY_DIR}/stripe_connectConfig.cmake ${PROJECT_BINARY_DIR}/stripe_connectConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_DATADIR}/stripe_connect)

# pkg-config: one file per CMake target.
function(_sc_pkg_config name description requires cflags)
  set(_sc_pc_name ${name})
  set(_sc_pc_description "${description}")
  set(_sc_pc_requires "${requires}")
  set(_sc_pc_cflags "${cflags}")
  configure_file(cmake/stripe_connect.pc.in ${PROJECT_BINARY_DIR}/pkgconfig/${name}.pc @ONLY)
endfunction()
_sc_pkg_config(stripe_connect "Header-only C++17 SDK for Stripe Connect onboarding" "nlohmann_json >= 3.10"
               "-I\${includedir}")
if(STRIPE_CONNECT_WITH_CURL)
  _sc_pkg_config(stripe_connect_curl "stripe_connect with the default libcurl transport"
                 "stripe_connect = ${PROJECT_VERSION}, libcurl" "-DSTRIPE_CONNECT_HAS_CURL=1")
endif()
if(STRIPE_CONNECT_WITH_WEBHOOK)
  _sc_pkg_config(stripe_connect_webhook "stripe_connect webhook verification (OpenSSL)"
                 "stripe_connect = ${PROJECT_VERSION}, libcrypto" "")
endif()
install(DIRECTORY ${PROJECT_BINARY_DIR}/pkgconfig/ DESTINATION ${CMAKE_INSTALL_DATADIR}/pkgconfig)
install(FILES LICENSE README.md CHANGELOG.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
