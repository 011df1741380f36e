package dev.baton.designer.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * User and password sign-in for the REST API's HTTP basic: the password is checked against its
 * BCrypt hash by Spring's {@link DaoAuthenticationProvider}, and a success is remembered in
 * {@link VerifiedCredentials} for a minute. A remembered password still loads the account on
 * every call, so a disabled, locked or expired account is refused and the roles are current.
 */
public final class CachingBasicAuthenticationProvider implements AuthenticationProvider {
  private final DaoAuthenticationProvider dao;
  private final UserDetailsService users;
  private final VerifiedCredentials verified;

  public CachingBasicAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder,
      VerifiedCredentials verified) {
    this.dao = new DaoAuthenticationProvider(users);
    this.dao.setPasswordEncoder(encoder);
    this.users = users;
    this.verified = verified;
  }

  @Override
  public Authentication authenticate(Authentication authentication)
      throws AuthenticationException {
    String username = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (username != null && credentials instanceof String password
        && verified.verified(username, password)) {
      UserDetails user;
      try {
        user = users.loadUserByUsername(username);
      } catch (UsernameNotFoundException e) {
        verified.forget(username);
        throw new BadCredentialsException("Bad credentials");
      }
      if (user.isEnabled() && user.isAccountNonLocked() && user.isAccountNonExpired()
          && user.isCredentialsNonExpired()) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
            user.getAuthorities());
      }
      verified.forget(username); // fall through: the DAO provider says why it is refused
    }
    Authentication result = dao.authenticate(authentication);
    if (username != null && credentials instanceof String password) {
      verified.remember(username, password);
    }
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
