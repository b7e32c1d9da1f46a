import type { TIndustryPack } from "../schema";

/** Dog and cat grooming, salon or mobile van. Prices: US 2026, integer cents. */
export const petGroomingPack = {
  key: "pet-grooming",
  icon: "PawPrint",
  name: { en: "Pet Grooming", es: "Estética canina y felina" },
  description: {
    en: "Dog and cat grooming in a salon or mobile van: baths, full grooms, nail trims and spa add-ons.",
    es: "Estética para perros y gatos en salón o en unidad móvil: baños, cortes completos, corte de uñas y servicios de spa adicionales.",
  },
  exampleBusinessName: { en: "Happy Tails Grooming", es: "Colitas Felices Estética Canina" },
  services: [
    {
      key: "bath-brush",
      name: { en: "Bath & Brush", es: "Baño y cepillado" },
      description: {
        en: "Shampoo and conditioner, blow-dry, brush-out, nail trim and ear cleaning. Priced for small and medium dogs.",
        es: "Champú y acondicionador, secado, cepillado, corte de uñas y limpieza de oídos. Precio para perros pequeños y medianos.",
      },
      durationMinutes: 60,
      priceCents: 5500,
    },
    {
      key: "full-groom-small",
      name: { en: "Full Groom: Small Dog (up to 25 lb)", es: "Corte completo: perro pequeño (hasta 25 lb)" },
      description: {
        en: "A bath and brush plus a full haircut in the style you choose, sanitary trim and paw pad trim.",
        es: "Baño y cepillado, más un corte de pelo completo al estilo que usted elija, corte sanitario y recorte de almohadillas.",
      },
      durationMinutes: 90,
      priceCents: 7500,
    },
    {
      key: "full-groom-medium",
      name: { en: "Full Groom: Medium Dog (26–50 lb)", es: "Corte completo: perro mediano (26 a 50 lb)" },
      description: {
        en: "Our full-service groom for medium breeds like doodles, spaniels and schnauzers.",
        es: "Nuestro servicio completo de estética para razas medianas como doodles, cockers y schnauzers.",
      },
      durationMinutes: 120,
      priceCents: 9500,
    },
    {
      key: "full-groom-large",
      name: { en: "Full Groom: Large Dog (51–90 lb)", es: "Corte completo: perro grande (51 a 90 lb)" },
      description: {
        en: "A full groom for large breeds, with extra drying time for thick coats. Dogs over 90 lb are quoted individually.",
        es: "Corte completo para razas grandes, con más tiempo de secado para pelajes gruesos. Los perros de más de 90 lb se cotizan por separado.",
      },
      durationMinutes: 150,
      priceCents: 12500,
    },
    {
      key: "cat-groom",
      name: { en: "Cat Grooming", es: "Estética para gatos" },
      description: {
        en: "A gentle bath, dematting and nail trim by a groomer experienced with cats. A lion cut is available on request.",
        es: "Baño suave, desenredado y corte de uñas a cargo de un estilista con experiencia en gatos. Corte tipo león disponible a petición.",
      },
      durationMinutes: 90,
      priceCents: 9500,
    },
    {
      key: "puppy-first-groom",
      name: { en: "Puppy's First Groom", es: "Primer baño del cachorro" },
      description: {
        en: "A short, positive first visit for puppies under six months: gentle bath, brush, nail trim and a face tidy-up.",
        es: "Una primera visita corta y positiva para cachorros menores de seis meses: baño suave, cepillado, corte de uñas y arreglo de la carita.",
      },
      durationMinutes: 45,
      priceCents: 4500,
    },
    {
      key: "nail-trim",
      name: { en: "Nail Trim", es: "Corte de uñas" },
      description: {
        en: "A quick walk-in nail trim for dogs and cats. Add nail grinding for smooth edges.",
        es: "Un corte de uñas rápido, sin cita previa, para perros y gatos. Puede agregar limado para dejar las uñas lisas.",
      },
      durationMinutes: 15,
      priceCents: 2000,
    },
    {
      key: "deshedding-treatment",
      name: { en: "De-Shedding Treatment (Add-On)", es: "Tratamiento contra la muda (adicional)" },
      description: {
        en: "A special shampoo, conditioner and blow-out that removes loose undercoat and noticeably reduces shedding at home.",
        es: "Champú, acondicionador y secado especiales que retiran el subpelo suelto y reducen notablemente la caída de pelo en casa.",
      },
      durationMinutes: 30,
      priceCents: 3500,
    },
    {
      key: "teeth-brushing",
      name: { en: "Teeth Brushing (Add-On)", es: "Cepillado de dientes (adicional)" },
      description: {
        en: "Teeth brushing with pet-safe enzymatic toothpaste for fresher breath between vet cleanings.",
        es: "Cepillado de dientes con pasta enzimática segura para mascotas, para un aliento más fresco entre las limpiezas del veterinario.",
      },
      durationMinutes: 10,
      priceCents: 1500,
    },
  ],
  faq: [
    {
      question: { en: "What vaccines does my pet need?", es: "¿Qué vacunas necesita mi mascota?" },
      answer: {
        en: "We require current rabies vaccination for all pets, plus DHPP and Bordetella for dogs. Please bring or email your vet records before the first visit.",
        es: "Pedimos la vacuna antirrábica vigente para todas las mascotas, además de la DHPP y la Bordetella para perros. Le pedimos traer o enviarnos por correo el comprobante del veterinario antes de la primera visita.",
      },
    },
    {
      question: { en: "How long will my pet be with you?", es: "¿Cuánto tiempo estará mi mascota con ustedes?" },
      answer: {
        en: "Most grooms take one and a half to three hours depending on size and coat. We will text you when your pet is ready for pickup.",
        es: "La mayoría de los servicios tardan de hora y media a tres horas, según el tamaño y el pelaje. Le enviaremos un mensaje de texto cuando su mascota esté lista para recogerla.",
      },
    },
    {
      question: { en: "What if my dog's coat is matted?", es: "¿Qué pasa si mi perro tiene el pelo enredado?" },
      answer: {
        en: "For your pet's comfort we do not brush out severe mats; we shave them short instead so the coat can grow back healthy. Dematting may add a fee.",
        es: "Por el bienestar de su mascota, no desenredamos los nudos muy apretados; en su lugar rasuramos el pelo corto para que crezca sano. El desenredado puede tener un costo adicional.",
      },
    },
    {
      question: {
        en: "My pet is nervous or elderly. Can you still groom them?",
        es: "Mi mascota es nerviosa o de edad avanzada. ¿La pueden atender?",
      },
      answer: {
        en: "Yes. We go at your pet's pace, take breaks and can book a quieter time of day. Please tell us about any health issues, anxiety or biting history when you book.",
        es: "Sí. Trabajamos al ritmo de su mascota, hacemos pausas y podemos darle una cita en un horario más tranquilo. Al agendar, por favor avísenos de cualquier problema de salud, ansiedad o antecedente de mordidas.",
      },
    },
    {
      question: { en: "What if my pet has fleas?", es: "¿Qué pasa si mi mascota tiene pulgas?" },
      answer: {
        en: "If we find fleas, we will give your pet a flea bath for an extra charge and sanitize our station to protect other pets.",
        es: "Si encontramos pulgas, le daremos a su mascota un baño antipulgas con un cargo adicional y desinfectaremos nuestra área de trabajo para proteger a las demás mascotas.",
      },
    },
    {
      question: { en: "What is your cancellation and late policy?", es: "¿Cuál es su política de cancelación y de retrasos?" },
      answer: {
        en: "Please give us 24 hours' notice to cancel or reschedule. If you arrive more than 15 minutes late we may need to reschedule, and late pickups may carry a fee.",
        es: "Le pedimos avisar con 24 horas de anticipación para cancelar o cambiar su cita. Si llega con más de 15 minutos de retraso es posible que tengamos que reprogramarla, y recoger tarde a su mascota puede tener un cargo.",
      },
    },
    {
      question: { en: "How do I pay?", es: "¿Cómo puedo pagar?" },
      answer: {
        en: "We accept cards, Apple Pay, Google Pay and cash at pickup. Tips for your groomer are appreciated and can be added to your card.",
        es: "Aceptamos tarjetas, Apple Pay, Google Pay y efectivo al recoger a su mascota. Las propinas para el estilista se agradecen y se pueden agregar al pago con tarjeta.",
      },
    },
    {
      question: { en: "How often should my dog be groomed?", es: "¿Cada cuánto debo llevar a mi perro a la estética?" },
      answer: {
        en: "Every four to six weeks for breeds with continuously growing hair, like doodles and poodles, and every eight to twelve weeks for short coats.",
        es: "Cada cuatro a seis semanas para razas con pelo de crecimiento continuo, como doodles y poodles, y cada ocho a doce semanas para pelo corto.",
      },
    },
  ],
  customerFields: [{ key: "pets", label: { en: "Pets (name, breed, weight)", es: "Mascotas (nombre, raza, peso)" }, type: "list" }],
  config: {
    HOURS: {
      weekly: {
        mon: [],
        tue: [{ open: "08:00", close: "17:00" }],
        wed: [{ open: "08:00", close: "17:00" }],
        thu: [{ open: "08:00", close: "17:00" }],
        fri: [{ open: "08:00", close: "17:00" }],
        sat: [{ open: "08:00", close: "15:00" }],
        sun: [],
      },
    },
    AI: {
      persona: {
        en: "A cheerful, caring and concise assistant for a pet grooming salon that clearly loves animals. It asks about the pet's breed, size and coat to suggest the right service, and reminds owners about vaccine records. It only quotes prices from the service list, never invents them, and offers to book an appointment. When a pet has health or behavior concerns, or it is unsure, it hands the conversation to a groomer.",
        es: "Un asistente alegre, atento y conciso para una estética de mascotas, con un cariño evidente por los animales. Pregunta por la raza, el tamaño y el pelaje de la mascota para sugerir el servicio adecuado, y recuerda a los dueños traer el comprobante de vacunas. Solo da precios de la lista de servicios, nunca los inventa, y ofrece agendar una cita. Cuando una mascota tiene problemas de salud o de comportamiento, o cuando tiene dudas, pasa la conversación a un estilista.",
      },
      greeting: {
        en: "Hi, thanks for calling {{businessName}}! I can help you book a bath or groom for your furry friend. How can I help?",
        es: "¡Hola, gracias por llamar a {{businessName}}! Con gusto le ayudo a agendar un baño o un corte para su peludito. ¿En qué le puedo ayudar?",
      },
      tone: "PLAYFUL",
    },
    SITE: {
      headline: { en: "Fresh, fluffy and happy", es: "Limpios, esponjosos y felices" },
      tagline: {
        en: "Gentle, professional grooming for dogs and cats of every size.",
        es: "Estética profesional y con mucho cariño para perros y gatos de todos los tamaños.",
      },
      about: {
        en: "At {{businessName}}, every pet is treated like family. Our groomers are patient with nervous pups and seniors, and we use gentle, pet-safe products.",
        es: "En {{businessName}} tratamos a cada mascota como parte de la familia. Nuestros estilistas tienen paciencia con los perritos nerviosos y los de edad avanzada, y usamos productos suaves y seguros para mascotas.",
      },
      primaryColor: "#9333EA",
      blocks: ["hero", "services", "gallery", "reviews", "loyalty", "about", "faq", "hours", "contact"],
    },
    LOYALTY: {
      pointsPerDollar: 1,
      welcomeBonusPoints: 25,
      rewardThresholdPoints: 600,
      rewardDescription: { en: "A free Bath & Brush", es: "Un baño y cepillado gratis" },
    },
  },
} satisfies TIndustryPack;
