include(CMakePackageConfigHelpers)

# Headers, targets, the CMake package, pkg-config files and the license. Header-only, nothing
# depends on the architecture and the package files go to share/; compiled
# (STRIPE_CONNECT_COMPILED), the static libraries do, and the package files go to lib/.
if(STRIPE_CONNECT_COMPILED)
  set(_sc_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/stripe_connect)
  set(_sc_pc_dir ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
  set(_sc_arch_independent)
else()
  set(_sc_cmake_dir ${CMAKE_INSTALL_DATADIR}/stripe_connect)
  set(_sc_pc_dir ${CMAKE_INSTALL_DATADIR}/pkgconfig)
  set(_sc_arch_independent ARCH_INDEPENDENT)
endif()
# Headers per component: the core gets every header but the components'; each component
# configured adds its own.
set(_sc_component_excludes)
foreach(_sc_header IN LISTS _sc_curl_headers _sc_webhook_headers _sc_testing_headers)
  string(REGEX REPLACE "^include/" "" _sc_rel "${_sc_header}")
  list(APPEND _sc_component_excludes PATTERN "${_sc_rel}" EXCLUDE)
endforeach()
install(DIRECTORY include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} ${_sc_component_excludes})
function(_sc_install_headers)
  foreach(_sc_header IN LISTS ARGN)
    get_filename_component(_sc_dir "${_sc_header}" DIRECTORY)
    string(REGEX REPLACE "^include" "${CMAKE_INSTALL_INCLUDEDIR}" _sc_dir "${_sc_dir}")
    install(FILES "${_sc_header}" DESTINATION "${_sc_dir}")
  endforeach()
endfunction()
foreach(_sc_comp curl webhook testing)
  string(TOUPPER ${_sc_comp} _sc_upper)
  if(STRIPE_CONNECT_WITH_${_sc_upper})
    _sc_install_headers(${_sc_${_sc_comp}_headers})
  endif()
endforeach()
install(TARGETS ${_sc_targets} EXPORT stripe_connectTargets)
install(EXPORT stripe_connectTargets
  NAMESPACE stripe_connect::
  DESTINATION ${_sc_cmake_dir})

configure_package_config_file(cmake/stripe_connectConfig.cmake.in
  ${PROJECT_BINARY_DIR}/stripe_connectConfig.cmake
  INSTALL_DESTINATION ${_sc_cmake_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/stripe_connectConfigVersion.cmake
  COMPATIBILITY SameMinorVersion ${_sc_arch_independent})
install(FILES ${PROJECT_BINARY_DIR}/stripe_connectConfig.cmake ${PROJECT_BINARY_DIR}/stripe_connectConfigVersion.cmake
  DESTINATION ${_sc_cmake_dir})

# pkg-config: one file per CMake target.
# The .pc files find the prefix from their own place (relocatable), however deep the directory.
file(RELATIVE_PATH _sc_pc_up "/prefix/${_sc_pc_dir}" "/prefix")
string(REGEX REPLACE "/$" "" _sc_pc_up "${_sc_pc_up}")  # RELATIVE_PATH ends in a slash here
function(_sc_pkg_config name description requires cflags libs)
  set(_sc_pc_name ${name})
  set(_sc_pc_libs "${libs}")
  set(_sc_pc_description "${description}")
  set(_sc_pc_requires "${requires}")
  set(_sc_pc_cflags "${cflags}")
  configure_file(cmake/stripe_connect.pc.in ${PROJECT_BINARY_DIR}/pkgconfig/${name}.pc @ONLY)
endfunction()
if(STRIPE_CONNECT_COMPILED)
  set(_sc_core_cflags "-I\${includedir} -DSTRIPE_CONNECT_COMPILED=1")
  set(_sc_core_libs "-L\${libdir} -lstripe_connect")
  set(_sc_curl_libs "-L\${libdir} -lstripe_connect_curl")
else()
  set(_sc_core_cflags "-I\${includedir}")
  set(_sc_core_libs "")
  set(_sc_curl_libs "")
endif()
_sc_pkg_config(stripe_connect "C++17 SDK for Stripe Connect onboarding" "nlohmann_json >= 3.10"
               "${_sc_core_cflags}" "${_sc_core_libs}")
if(STRIPE_CONNECT_WITH_CURL)
  _sc_pkg_config(stripe_connect_curl "stripe_connect with the default libcurl transport"
                 "stripe_connect = ${PROJECT_VERSION}, libcurl" "-DSTRIPE_CONNECT_HAS_CURL=1" "${_sc_curl_libs}")
endif()
if(STRIPE_CONNECT_WITH_WEBHOOK)
  _sc_pkg_config(stripe_connect_webhook "stripe_connect webhook verification (OpenSSL)"
                 "stripe_connect = ${PROJECT_VERSION}, libcrypto" "" "")
endif()
if(STRIPE_CONNECT_WITH_TESTING)
  _sc_pkg_config(stripe_connect_testing "stripe_connect simulator for tests and offline runs"
                 "stripe_connect_webhook = ${PROJECT_VERSION}" "" "")
endif()
install(DIRECTORY ${PROJECT_BINARY_DIR}/pkgconfig/ DESTINATION ${_sc_pc_dir})
if(STRIPE_CONNECT_INSTALL_DOCS)
  install(FILES LICENSE README.md CHANGELOG.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
endif()
