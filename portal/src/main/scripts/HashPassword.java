import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Prints the bcrypt hash of the password in $PASSWORD, as paved.security.local-accounts.<name>.password takes it. */
public class HashPassword {
  public static void main(String[] args) {
    String password = System.getenv("PASSWORD");
    if (password == null || password.length() < 12) {
      System.err.println("Give a password of at least 12 characters.");
      System.exit(1);
    }
    System.out.println("{bcrypt}" + new BCryptPasswordEncoder(12).encode(password));
  }
}
