package com.verdict.people;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountDetailsService implements UserDetailsService {

    private final UserAccountRepository users;
    private final LoginThrottle throttle;

    AccountDetailsService(UserAccountRepository users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return new SignedInUser(account.getId(), account.getUsername(), account.getPasswordHash(),
                account.isEnabled(), !throttle.isLocked(username),
                account.getRoles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
    }
}
